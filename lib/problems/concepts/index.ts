/** The concept items, by the topic group their templates are named after. */
import { convolutionItems } from "./convolution";
import { modernArchitectureItems } from "./modern-architectures";
import { trainingItems } from "./training";
import type { ConceptItem } from "./types";

export const CONCEPT_GROUPS = ["convolution", "modern-architectures", "training"] as const;
export type ConceptGroup = (typeof CONCEPT_GROUPS)[number];

export const conceptItems: Readonly<Record<ConceptGroup, readonly ConceptItem[]>> = {
  convolution: convolutionItems,
  "modern-architectures": modernArchitectureItems,
  training: trainingItems,
};

export type {
  BookSection,
  BooleanItem,
  ChoiceItem,
  ChoicesItem,
  ConceptItem,
  ConceptMisconception,
  ConceptOption,
  OptionLetter,
} from "./types";
