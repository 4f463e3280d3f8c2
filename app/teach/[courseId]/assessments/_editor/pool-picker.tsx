"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import type { PoolEntry } from "./assessment-form";
import { ErrorList, inputClass, smallButton, useErrorsAt } from "./form-field";

/** A bank as the picker offers it: only its published questions can be drawn. */
export interface PoolBank {
  id: string;
  title: string;
  questions: { id: string; title: string }[];
}

/** The built-in skills by topic, titles in the page's language (and English, for searching). */
export interface SkillGroup {
  topic: string;
  title: string;
  templates: { template: string; title: string; titleEn: string }[];
}

const entryKey = (entry: PoolEntry) => ("bank" in entry ? `bank:${entry.bank}` : "question" in entry ? `question:${entry.question}` : `template:${entry.template}`);

/** How many distinct questions a pool draws from: a whole bank is its published questions. */
export function poolSize(pool: readonly PoolEntry[], banks: readonly PoolBank[]): number {
  const keys = new Set<string>();
  for (const entry of pool) {
    if ("bank" in entry) for (const question of banks.find((bank) => bank.id === entry.bank)?.questions ?? []) keys.add(`question:${question.id}`);
    else keys.add(entryKey(entry));
  }
  return keys.size;
}

/**
 * What one zone draws from: whole banks or single published questions of the course, and built-in
 * skills grouped by topic with a search. Chosen entries are listed first, each removable.
 */
export function PoolPicker({ path, pool, onChange, banks, skills }: { path: string; pool: PoolEntry[]; onChange: (pool: PoolEntry[]) => void; banks: readonly PoolBank[]; skills: readonly SkillGroup[] }) {
  const t = useTranslations("teachAssessments.editor.pool");
  const searchId = useId();
  const errorsId = useId();
  const [query, setQuery] = useState("");
  // Opened once where a new zone's choices most likely are; after that the instructor decides.
  const [banksOpen, setBanksOpen] = useState(pool.length === 0 && banks.length > 0);
  const [skillsOpen, setSkillsOpen] = useState(pool.length === 0 && banks.length === 0);
  const messages = useErrorsAt(path);
  const chosen = useMemo(() => new Set(pool.map(entryKey)), [pool]);

  const has = (entry: PoolEntry) => chosen.has(entryKey(entry));
  const toggle = (entry: PoolEntry, on: boolean) => {
    const key = entryKey(entry);
    if (on && !chosen.has(key)) onChange([...pool, entry]);
    if (!on) onChange(pool.filter((candidate) => entryKey(candidate) !== key));
  };
  const toggleBank = (bank: PoolBank, on: boolean) => {
    // A whole bank replaces its single questions, so the list shows it once.
    const inBank = new Set(bank.questions.map((question) => `question:${question.id}`));
    const rest = pool.filter((entry) => !inBank.has(entryKey(entry)) && entryKey(entry) !== `bank:${bank.id}`);
    onChange(on ? [...rest, { bank: bank.id }] : rest);
  };

  const skillTitle = new Map(skills.flatMap((group) => group.templates.map((entry) => [entry.template, entry.title] as const)));
  const questionTitle = new Map(banks.flatMap((bank) => bank.questions.map((question) => [question.id, question.title] as const)));
  const label = (entry: PoolEntry): string => {
    if ("bank" in entry) {
      const bank = banks.find((candidate) => candidate.id === entry.bank);
      return bank ? t("wholeBankChip", { title: bank.title, count: bank.questions.length }) : t("unknownBank");
    }
    if ("question" in entry) return questionTitle.get(entry.question) ?? t("unknownQuestion");
    return skillTitle.get(entry.template) ?? entry.template;
  };

  const needle = query.trim().toLowerCase();
  const shownGroups = skills
    .map((group) => ({
      ...group,
      templates: needle
        ? group.templates.filter((entry) => [entry.title, entry.titleEn, entry.template, group.title].some((text) => text.toLowerCase().includes(needle)))
        : group.templates,
    }))
    .filter((group) => group.templates.length > 0);
  const size = poolSize(pool, banks);

  return (
    <fieldset className="space-y-3" aria-describedby={messages.length > 0 ? errorsId : undefined} data-testid="pool" data-field={path}>
      <legend className="text-sm font-semibold text-slate-800">{t("legend")}</legend>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700" data-testid="pool-size" aria-live="polite">
          {t("size", { count: size })}
        </p>
        {pool.length > 0 ? (
          <button type="button" className={smallButton} onClick={() => onChange([])}>
            {t("clear")}
          </button>
        ) : null}
      </div>
      {pool.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label={t("chosen")}>
          {pool.map((entry) => (
            <li key={entryKey(entry)} className="flex items-center gap-1 rounded-full border border-brand-100 bg-brand-50 py-0.5 pl-3 pr-1 text-sm text-slate-800" data-testid="pool-entry">
              <span>{label(entry)}</span>
              <button
                type="button"
                className="rounded-full px-2 py-0.5 text-slate-700 hover:bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
                onClick={() => onChange(pool.filter((candidate) => entryKey(candidate) !== entryKey(entry)))}
                aria-label={t("remove", { title: label(entry) })}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorList id={errorsId} messages={messages} />

      <details className="rounded-lg border border-slate-200" open={banksOpen} onToggle={(event) => setBanksOpen(event.currentTarget.open)} data-testid="pool-banks">
        <summary className="cursor-pointer px-3 py-2 text-sm font-semibold text-slate-800">{t("banks", { count: banks.length })}</summary>
        <div className="space-y-3 border-t border-slate-100 px-3 py-3">
          {banks.length === 0 ? <p className="text-sm text-slate-600">{t("noBanks")}</p> : null}
          {banks.map((bank) => {
            const whole = has({ bank: bank.id });
            return (
              <div key={bank.id} className="space-y-1" data-testid="pool-bank">
                <label className="flex items-start gap-2 text-sm font-medium text-slate-800">
                  <input type="checkbox" className="mt-0.5 h-4 w-4" checked={whole} disabled={bank.questions.length === 0} onChange={(event) => toggleBank(bank, event.target.checked)} />
                  <span>{t("wholeBank", { title: bank.title, count: bank.questions.length })}</span>
                </label>
                {bank.questions.length > 0 ? (
                  <ul className="ml-6 space-y-1">
                    {bank.questions.map((question) => (
                      <li key={question.id}>
                        <label className="flex items-start gap-2 text-sm text-slate-700">
                          <input
                            type="checkbox"
                            className="mt-0.5 h-4 w-4"
                            checked={whole || has({ question: question.id })}
                            disabled={whole}
                            onChange={(event) => toggle({ question: question.id }, event.target.checked)}
                          />
                          <span>{question.title}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="ml-6 text-xs text-slate-600">{t("nothingPublished")}</p>
                )}
              </div>
            );
          })}
        </div>
      </details>

      <details className="rounded-lg border border-slate-200" open={skillsOpen} onToggle={(event) => setSkillsOpen(event.currentTarget.open)} data-testid="pool-skills">
        <summary className="cursor-pointer px-3 py-2 text-sm font-semibold text-slate-800">{t("skills")}</summary>
        <div className="space-y-3 border-t border-slate-100 px-3 py-3">
          <div>
            <label htmlFor={searchId} className="mb-1 block text-sm font-medium text-slate-800">
              {t("search")}
            </label>
            <input id={searchId} type="search" className={inputClass} value={query} onChange={(event) => setQuery(event.target.value)} placeholder={t("searchPlaceholder")} data-testid="skill-search" />
          </div>
          {shownGroups.length === 0 ? <p className="text-sm text-slate-600">{t("noMatch")}</p> : null}
          <div className="max-h-96 space-y-3 overflow-y-auto pr-1">
            {shownGroups.map((group) => (
              <fieldset key={group.topic}>
                <legend className="text-xs font-semibold uppercase tracking-wide text-slate-600">{group.title}</legend>
                <ul className="mt-1 grid gap-1 sm:grid-cols-2">
                  {group.templates.map((entry) => (
                    <li key={entry.template}>
                      <label className="flex items-start gap-2 text-sm text-slate-700">
                        <input type="checkbox" className="mt-0.5 h-4 w-4" checked={has({ template: entry.template })} onChange={(event) => toggle({ template: entry.template }, event.target.checked)} data-template={entry.template} />
                        <span>{entry.title}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ))}
          </div>
        </div>
      </details>
    </fieldset>
  );
}
