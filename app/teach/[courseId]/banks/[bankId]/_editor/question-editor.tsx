"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/app/_components/trpc";
import { useServerMessage } from "@/app/_components/use-server-message";
import { BuiltinFields, type TemplateGroup } from "./builtin-fields";
import { FieldErrorsContext, inputClass } from "./controls";
import { CustomFields } from "./custom-fields";
import { type FieldErrors, saveRefusal } from "./field-errors";
import { FixedFields } from "./fixed-fields";
import { emptyForm, fromDefinition, type QuestionForm, type QuestionKind, toDefinition } from "./question-form";
import { QuestionPreview } from "./question-preview";
import { ValidationReport, type ValidationSummary } from "./validation-report";

export interface Choice {
  value: string;
  label: string;
}

type State = "draft" | "published" | "published-with-draft";

export interface EditorStart {
  questionId: string | null;
  kind: QuestionKind;
  definition: Record<string, unknown> | null;
  state: State | null;
  latestVersion: number | null;
  publishedVersion: number | null;
  validation: ValidationSummary | null;
}

const button = "rounded-lg px-4 py-2 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-50";
const primary = `${button} bg-brand-600 text-white hover:bg-brand-700`;
const secondary = `${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;
/** Long enough that a typed word is one save, short enough that the preview feels live. */
const AUTOSAVE_MS = 900;

/** The JSON typed in the advanced view, as a definition or the reason it is none. */
function parseJsonText(text: string): ReturnType<typeof toDefinition> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, errors: { "": ["a question is a JSON object"] } };
    return { ok: true, definition: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, errors: { "": [(error as Error).message] } };
  }
}

/**
 * The question editor: the form of the question's kind (or its JSON), saved as a draft while the
 * instructor types (a published version is never changed: the first save of an edit makes the
 * next version), the live preview of the saved draft, and the validate → publish steps.
 */
export function QuestionEditor({ courseId, bankId, start, catalog, topics }: { courseId: string; bankId: string; start: EditorStart; catalog: readonly TemplateGroup[]; topics: readonly Choice[] }) {
  const t = useTranslations("questionEditor");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const jsonId = useId();
  const bankPath = `/teach/${courseId}/banks/${bankId}`;

  const [form, setForm] = useState<QuestionForm>(() => (start.definition ? fromDefinition(start.definition, start.kind) : emptyForm(start.kind)));
  const [jsonText, setJsonText] = useState<string | null>(null);
  const [meta, setMeta] = useState({ version: start.latestVersion, state: start.state, publishedVersion: start.publishedVersion });
  const [validation, setValidation] = useState<ValidationSummary | null>(start.validation);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [actionError, setActionError] = useState<string | null>(null);
  const [checkNumbers, setCheckNumbers] = useState<Record<string, number | boolean> | null>(null);
  const [savedText, setSavedText] = useState<string | null>(() => {
    if (!start.definition) return null;
    const saved = toDefinition(fromDefinition(start.definition, start.kind));
    return saved.ok ? JSON.stringify(saved.definition) : null;
  });

  const create = useMutation(trpc.questions.create.mutationOptions());
  const update = useMutation(trpc.questions.update.mutationOptions());
  const validate = useMutation(trpc.questions.validate.mutationOptions());
  const publish = useMutation(trpc.questions.publish.mutationOptions());

  const current = jsonText === null ? toDefinition(form) : parseJsonText(jsonText);
  const currentText = current.ok ? JSON.stringify(current.definition) : null;
  const dirty = currentText !== savedText;
  const saving = create.isPending || update.isPending;

  // What the server holds, read by a save that waited for another (state in its closure is older).
  const savedTextRef = useRef(savedText);
  const saveQueue = useRef<Promise<unknown>>(Promise.resolve());

  /**
   * Saves what is on screen; true when the server took it. Saves take turns: "Validate" pressed
   * while the autosave is away used to send the same edit a second time, and on a published
   * question both made "the next version". A save that waited finds its content saved already
   * and sends nothing.
   */
  const save = useCallback((): Promise<boolean> => {
    const turn = saveQueue.current.then(async (): Promise<boolean> => {
      if (!current.ok) {
        setErrors(current.errors);
        return false;
      }
      const text = JSON.stringify(current.definition);
      if (text === savedTextRef.current) return true;
      try {
        if (start.questionId === null) {
          const created = await create.mutateAsync({ bankId, definition: current.definition });
          savedTextRef.current = text;
          setSavedText(text);
          router.replace(`${bankPath}/questions/${created.id}`);
          return true;
        }
        const saved = await update.mutateAsync({ questionId: start.questionId, definition: current.definition });
        savedTextRef.current = text;
        setErrors({});
        setSavedText(text);
        setMeta((before) => ({ ...before, version: saved.version, state: saved.state }));
        setValidation(null);
        await queryClient.invalidateQueries({ queryKey: trpc.questions.preview.pathKey() });
        return true;
      } catch (error) {
        setErrors(saveRefusal(error, refusal));
        return false;
      }
    });
    saveQueue.current = turn;
    return turn;
  }, [current, start.questionId, create, update, bankId, bankPath, router, queryClient, trpc, refusal]);

  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  const inFlight = saving || validate.isPending;
  useEffect(() => {
    // Drafts save themselves; a published latest version waits for an explicit save (a new version).
    if (start.questionId === null || !dirty || meta.state === "published" || inFlight) return;
    const timer = setTimeout(() => void saveRef.current(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [currentText, savedText, dirty, meta.state, start.questionId, inFlight]);

  async function onValidate() {
    setActionError(null);
    if (dirty && !(await save())) return;
    if (start.questionId === null) return;
    try {
      const result = await validate.mutateAsync({ questionId: start.questionId });
      setValidation(result);
      setMeta((before) => ({ ...before, version: result.version }));
    } catch (error) {
      setActionError(refusal(error));
    }
  }

  async function onPublish() {
    setActionError(null);
    if (start.questionId === null) return;
    try {
      const result = await publish.mutateAsync({ questionId: start.questionId });
      setMeta((before) => ({ ...before, state: "published", publishedVersion: result.publishedVersion }));
      router.refresh();
    } catch (error) {
      setActionError(refusal(error));
    }
  }

  function toggleJson() {
    if (jsonText === null) {
      setJsonText(JSON.stringify(current.ok ? current.definition : {}, null, 2));
      return;
    }
    const parsed = parseJsonText(jsonText);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setForm(fromDefinition(parsed.definition, start.kind));
    setJsonText(null);
  }

  const onVariables = useCallback((variables: Record<string, number | boolean> | null) => setCheckNumbers(variables), []);
  const difficulties: Choice[] = (["easy", "medium", "hard"] as const).map((difficulty) => ({ value: difficulty, label: t(`difficulties.${difficulty}`) }));
  // Errors belong to content that was refused; back at what the server took, none stand.
  const shownErrors = dirty ? errors : {};
  const errorList = Object.entries(shownErrors).flatMap(([path, messages]) => messages.map((message) => (path ? `${path}: ${message}` : message)));
  const canPublish = start.questionId !== null && validation?.ok === true && !dirty && meta.state !== "published";

  return (
    <FieldErrorsContext.Provider value={shownErrors}>
      <div className="space-y-6">
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <div>
            <p className="text-sm font-semibold" data-testid="version-state">
              {versionLine(t, meta)}
            </p>
            <p className="text-xs text-slate-600" aria-live="polite" data-testid="save-status">
              {saving ? t("saving") : errorList.length > 0 ? t("notSaved", { count: errorList.length }) : dirty ? (meta.state === "published" ? t("unsavedNewVersion", { version: (meta.version ?? 0) + 1 }) : t("unsaved")) : start.questionId ? t("saved") : ""}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={secondary} onClick={() => void save()} disabled={saving || (!dirty && start.questionId !== null)}>
              {start.questionId === null ? t("create") : t("save")}
            </button>
            <button type="button" className={secondary} onClick={() => void onValidate()} disabled={start.questionId === null || validate.isPending || saving}>
              {validate.isPending ? t("validating") : t("validate")}
            </button>
            <button type="button" className={primary} onClick={() => void onPublish()} disabled={!canPublish || publish.isPending} aria-describedby="publish-hint">
              {t("publish")}
            </button>
          </div>
          <p id="publish-hint" className="w-full text-xs text-slate-600">
            {meta.state === "published" ? t("publishedHint") : t("publishHint")}
          </p>
        </div>

        {actionError ? (
          <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700" data-testid="action-error">
            {actionError}
          </p>
        ) : null}
        {errorList.length > 0 ? (
          <div role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700" data-testid="error-summary">
            <p className="font-semibold">{t("problems", { count: errorList.length })}</p>
            <ul className="mt-1 list-disc pl-5">
              {errorList.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        ) : null}

        {start.questionId ? <ValidationReport validation={validation} version={meta.version} /> : null}

        <div className="flex justify-end">
          <button type="button" className="text-sm font-medium text-brand-700 underline" onClick={toggleJson} aria-pressed={jsonText !== null}>
            {jsonText === null ? t("editAsJson") : t("editAsForm")}
          </button>
        </div>

        {jsonText !== null ? (
          <div>
            <label htmlFor={jsonId} className="mb-1 block text-sm font-semibold text-slate-800">
              {t("definitionJson")}
            </label>
            <textarea id={jsonId} rows={24} className={`${inputClass} font-mono`} value={jsonText} onChange={(event) => setJsonText(event.target.value)} data-testid="definition-json" />
          </div>
        ) : form.kind === "builtin" ? (
          <BuiltinFields form={form} onChange={setForm} catalog={catalog} checkNumbers={checkNumbers} />
        ) : form.kind === "custom" ? (
          <CustomFields form={form} onChange={setForm} topics={topics} difficulties={difficulties} />
        ) : (
          <FixedFields form={form} onChange={setForm} topics={topics} difficulties={difficulties} />
        )}

        {start.questionId ? (
          <QuestionPreview questionId={start.questionId} onVariables={onVariables} />
        ) : (
          <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-700">{t("previewAfterCreate")}</p>
        )}

        <p>
          <Link href={bankPath} className="text-sm font-medium text-brand-700 underline">
            {t("backToBank")}
          </Link>
        </p>
      </div>
    </FieldErrorsContext.Provider>
  );
}

function versionLine(t: ReturnType<typeof useTranslations<"questionEditor">>, meta: { version: number | null; state: State | null; publishedVersion: number | null }): string {
  if (meta.version === null || meta.state === null) return t("notCreated");
  if (meta.state === "published") return t("statePublished", { version: meta.version });
  if (meta.state === "published-with-draft") return t("stateNewDraft", { version: meta.version, published: meta.publishedVersion ?? 0 });
  return t("stateDraft", { version: meta.version });
}
