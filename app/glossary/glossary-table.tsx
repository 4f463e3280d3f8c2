"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

export interface GlossaryRow {
  key: string;
  en: string;
  zh: string;
  alsoKnownAs: string[];
}

export interface GlossaryTopicRows {
  id: string;
  /** In the page's language. */
  title: string;
  rows: GlossaryRow[];
}

/** Whether a row matches the filter, in either language or any other name; English ignores case. */
function matches(row: GlossaryRow, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === "") return true;
  return [row.en, row.zh, ...row.alsoKnownAs].some((name) => name.toLowerCase().includes(needle));
}

/** The glossary's table, one section per chapter topic, with a filter box above it. */
export function GlossaryTable({ topics }: { topics: GlossaryTopicRows[] }) {
  const t = useTranslations("glossary");
  const [query, setQuery] = useState("");
  const inputId = useId();
  const total = topics.reduce((sum, topic) => sum + topic.rows.length, 0);
  const shownTopics = topics
    .map((topic) => ({ ...topic, rows: topic.rows.filter((row) => matches(row, query)) }))
    .filter((topic) => topic.rows.length > 0);
  const shown = shownTopics.reduce((sum, topic) => sum + topic.rows.length, 0);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <label htmlFor={inputId} className="flex min-w-64 flex-1 flex-col gap-1 text-sm font-medium text-slate-700">
          {t("filterLabel")}
          <input
            id={inputId}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t("filterPlaceholder")}
            data-testid="glossary-filter"
            className="rounded-lg border border-slate-200 bg-white px-3 py-2 font-normal text-slate-900 shadow-sm"
          />
        </label>
        <p className="text-sm text-slate-500" data-testid="glossary-count" aria-live="polite">
          {t("shown", { shown, total })}
        </p>
      </div>

      {shownTopics.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white px-6 py-8 text-center text-slate-500">{t("noMatch", { query })}</p>
      ) : (
        shownTopics.map((topic) => (
          <section key={topic.id} className="rounded-xl border border-slate-200 bg-white shadow-sm" data-testid={`glossary-topic-${topic.id}`}>
            <h2 className="border-b border-slate-100 px-6 py-4 font-semibold">{topic.title}</h2>
            <table className="w-full table-fixed text-left text-sm">
              <thead className="text-slate-500">
                <tr>
                  <th className="w-1/2 px-6 py-2 font-medium">{t("english")}</th>
                  <th className="w-1/2 px-6 py-2 font-medium">{t("chinese")}</th>
                </tr>
              </thead>
              <tbody>
                {topic.rows.map((row) => (
                  <tr key={row.key} className="border-t border-slate-100" data-testid="glossary-row">
                    <td className="px-6 py-3 font-medium">{row.en}</td>
                    <td className="px-6 py-3" lang="zh-CN">
                      <span className="font-medium">{row.zh}</span>
                      {row.alsoKnownAs.length > 0 ? (
                        <span className="block text-xs text-slate-500">{t("alsoKnownAs", { names: row.alsoKnownAs.join("、") })}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
    </div>
  );
}
