/** A course the learner can practise, with the banks it can be narrowed to (practiceCourses). */
export interface PracticeSourceCourse {
  id: string;
  banks: readonly { id: string }[];
}

/**
 * What `/practice?course=C&bank=B` opens on: the course only when the learner can practise it, and
 * the bank only when it is one of that course's practisable banks. Anything else (a course left,
 * a bank deleted or emptied since the link was made, a bank given without its course) widens to
 * what is left, rather than refusing the page: the learner still gets to practise.
 */
export function practiceSourceOf({
  courses,
  course,
  bank,
}: {
  courses: readonly PracticeSourceCourse[];
  course: string | undefined;
  bank: string | undefined;
}): { course: string | null; bank: string | null } {
  const chosen = course === undefined ? undefined : courses.find((entry) => entry.id === course);
  if (!chosen) return { course: null, bank: null };
  return { course: chosen.id, bank: bank !== undefined && chosen.banks.some((entry) => entry.id === bank) ? bank : null };
}
