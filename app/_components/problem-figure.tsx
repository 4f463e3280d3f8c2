import type { ProblemFigure as Figure } from "@/lib/problems/types";

/**
 * A problem's solution figure, shown after the answer: the SVG as an `<img>` from a `data:` URL.
 *
 * Why an image and not inline SVG: the figure's `alt` becomes the image's accessible name with
 * no ARIA plumbing; an image cannot run script or load anything, so even a figure with a bug in
 * its escaping stays inert; and each figure keeps its own `id`s (its arrowhead marker), which two
 * inline figures on one page would share. The SVG's own width caps the image, and `max-w-full`
 * lets it shrink on a phone, keeping its aspect ratio. The figure is drawn in dark ink, so it sits
 * on white paper in the dark theme too.
 */
export function ProblemFigure({ figure, className }: { figure: Figure; className?: string }) {
  const width = /\bwidth="(\d+)"/.exec(figure.svg)?.[1];
  const height = /\bheight="(\d+)"/.exec(figure.svg)?.[1];
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(figure.svg)}`;
  return (
    <figure className={`my-4 overflow-hidden rounded-lg border border-brand-100 bg-paper p-2 ${className ?? ""}`} data-testid="figure">
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL has nothing for next/image to optimise */}
      <img src={src} alt={figure.alt} width={width} height={height} loading="lazy" decoding="async" className="mx-auto block h-auto max-w-full" />
    </figure>
  );
}
