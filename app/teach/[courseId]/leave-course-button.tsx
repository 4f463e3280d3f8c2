"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../_components/trpc";
import { dangerButton, errorText } from "../_components/styles";

/**
 * Leaves the course, handing it to its other instructors (how an instructor passes a course on,
 * and what Settings asks for before deleting an account that owns shared courses). The last
 * instructor cannot leave: the button says so instead.
 */
export function LeaveCourseButton({ courseId, otherOwners }: { courseId: string; otherOwners: number }) {
  const t = useTranslations("teach.course");
  const trpc = useTRPC();
  const router = useRouter();
  const leave = useMutation(trpc.courses.leave.mutationOptions());
  return (
    <div className="space-y-2" data-testid="leave-course">
      <p className="text-sm text-slate-600" id="leave-help">
        {otherOwners > 0 ? t("leaveHelp") : t("leaveOnlyOwner")}
      </p>
      <button
        type="button"
        className={dangerButton}
        aria-describedby="leave-help"
        disabled={otherOwners === 0 || leave.isPending}
        onClick={() => leave.mutate({ courseId }, { onSuccess: () => router.push("/teach") })}
      >
        {leave.isPending ? t("leaving") : t("leave")}
      </button>
      {leave.isError && (
        <p role="alert" className={errorText}>
          {t("leaveFailed")}
        </p>
      )}
    </div>
  );
}
