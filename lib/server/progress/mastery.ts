/**
 * Mastery of a topic: the mean retrievability, now, of the learner's started cards of that topic
 * (0 when none is started), with how many of the topic's skills are started. Retrievability is
 * FSRS's forgetting curve R(t, S) = (1 + FACTOR · t / (9 · S))^DECAY (ts-fsrs `forgetting_curve`,
 * FSRS-6), t the days since the last review, S the stability; a card never reviewed has none.
 */
import { default_w, forgetting_curve } from "ts-fsrs";
import { DAY_MS } from "./days";

export interface MasteryCard {
  templateId: string;
  stability: number;
  lastReview: Date | null;
}

export interface TopicMastery {
  topic: string;
  mastery: number;
  started: number;
  total: number;
}

export function retrievability({ card, now, parameters = default_w }: { card: MasteryCard; now: Date; parameters?: readonly number[] }): number {
  if (!card.lastReview || card.stability <= 0) return 0;
  const elapsedDays = Math.max(0, (now.getTime() - card.lastReview.getTime()) / DAY_MS);
  return forgetting_curve(parameters, elapsedDays, card.stability);
}

export function topicMastery({
  cards,
  templates,
  now,
  parameters,
}: {
  cards: readonly MasteryCard[];
  templates: readonly { template: string; topic: string }[];
  now: Date;
  parameters?: readonly number[];
}): TopicMastery[] {
  const topicOf = new Map(templates.map((entry) => [entry.template, entry.topic]));
  const topics = new Map<string, { sum: number; started: number; total: number }>();
  for (const entry of templates) {
    const topic = topics.get(entry.topic) ?? { sum: 0, started: 0, total: 0 };
    topic.total += 1;
    topics.set(entry.topic, topic);
  }
  for (const card of cards) {
    const topic = topics.get(topicOf.get(card.templateId) ?? "");
    if (!topic || !card.lastReview) continue;
    topic.started += 1;
    topic.sum += retrievability({ card, now, parameters });
  }
  return [...topics].map(([topic, { sum, started, total }]) => ({ topic, mastery: started === 0 ? 0 : sum / started, started, total }));
}
