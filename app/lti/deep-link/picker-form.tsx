import { useTranslations } from "next-intl";
import type { DeepLinkChoice } from "@/lib/server/lti/deep-link-content-items";
import type { DeepLinkPicker } from "@/lib/server/lti/deep-link-picker";
import { card, primaryButton, secondaryButton } from "../../teach/_components/styles";

/** Where both of the picker's forms post (lib/server/lti/deep-link-response.ts). */
export const RESPOND_PATH = "/lti/deep-link/respond";

const option =
  "flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 bg-white p-3 hover:bg-slate-50 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-100";

function ChoiceOption({ choice, index, multiple }: { choice: DeepLinkChoice; index: number; multiple: boolean }) {
  const t = useTranslations("ltiDeepLink");
  return (
    <li>
      <label className={option} data-testid="deep-link-choice">
        <input
          type={multiple ? "checkbox" : "radio"}
          name={multiple ? `item.${index}` : "item"}
          value={choice.value}
          required={!multiple && index === 0}
          className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
        />
        <span className="min-w-0">
          <span className="block break-words font-medium">{choice.title}</span>
          <span className="block text-sm text-slate-600">
            {choice.kind === "assessment" ? `${t("points", { points: choice.points })} · ${t("graded")}` : choice.text}
          </span>
        </span>
      </label>
    </li>
  );
}

function ChoiceGroup({ legend, hint, empty, choices, all, multiple }: { legend: string; hint: string; empty?: string; choices: DeepLinkChoice[]; all: DeepLinkChoice[]; multiple: boolean }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-lg font-semibold">{legend}</legend>
      <p className="text-sm text-slate-600">{hint}</p>
      {choices.length === 0 && empty ? <p className="text-sm text-slate-500">{empty}</p> : null}
      <ul className="space-y-2">
        {choices.map((choice) => (
          <ChoiceOption key={choice.value} choice={choice} index={all.indexOf(choice)} multiple={multiple} />
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * The deep-linking picker: what an LMS activity should open in Stride. Native radio buttons (one
 * item) or checkboxes (the platform accepts several), so the keyboard and screen readers work as
 * everywhere; plain form posts, so it works without JavaScript. Cancel is a form of its own.
 */
export function DeepLinkPickerForm({ picker }: { picker: DeepLinkPicker }) {
  const t = useTranslations("ltiDeepLink");
  const { choices, multiple } = picker;
  return (
    <section className={`${card} space-y-6`} data-testid="deep-link-picker">
      <div>
        <h1 className="text-2xl font-semibold">{picker.requestTitle || t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("course", { title: picker.courseTitle })}</p>
        <p className="mt-2 text-slate-700">
          {t("lead")} {multiple ? t("leadMultiple") : null}
        </p>
      </div>
      <form id="deep-link-picker" method="post" action={RESPOND_PATH} className="space-y-6">
        <input type="hidden" name="id" value={picker.id} />
        <ChoiceGroup
          legend={t("assessments")}
          hint={t("assessmentsHint")}
          empty={t("noAssessments")}
          choices={choices.filter((choice) => choice.kind === "assessment")}
          all={choices}
          multiple={multiple}
        />
        {choices.some((choice) => choice.kind === "practice") ? (
          <ChoiceGroup legend={t("practice")} hint={t("practiceHint")} choices={choices.filter((choice) => choice.kind === "practice")} all={choices} multiple={multiple} />
        ) : null}
        <ChoiceGroup legend={t("review")} hint={t("reviewHint")} choices={choices.filter((choice) => choice.kind === "review")} all={choices} multiple={multiple} />
        <button type="submit" className={`${primaryButton} w-full sm:w-auto`} data-testid="deep-link-place">
          {t("place")}
        </button>
      </form>
      <form id="deep-link-cancel" method="post" action={RESPOND_PATH} className="border-t border-slate-100 pt-4">
        <input type="hidden" name="id" value={picker.id} />
        <input type="hidden" name="cancel" value="1" />
        <p className="mb-2 text-sm text-slate-600">{t("cancelHint")}</p>
        <button type="submit" className={secondaryButton} data-testid="deep-link-cancel">
          {t("cancel")}
        </button>
      </form>
    </section>
  );
}

/** Why the picker cannot be shown (a LaunchRefusal's reason, lti.deepLink.* or lti.launch.*), in the person's language. */
export function DeepLinkRefusal({ reason }: { reason: string }) {
  const t = useTranslations("ltiDeepLink");
  const tReason = useTranslations("ltiLaunch");
  return (
    <section className={card} data-testid="deep-link-refused" data-reason={reason}>
      <h1 className="text-2xl font-semibold">{t("refusedTitle")}</h1>
      <p className="mt-2 font-medium text-slate-800">{tReason(`reasons.${reason.slice("lti.".length)}` as Parameters<typeof tReason>[0])}</p>
      <p className="mt-2 text-slate-700">{t("whatToDo")}</p>
    </section>
  );
}
