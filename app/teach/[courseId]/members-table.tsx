import { getFormatter, getTranslations } from "next-intl/server";

interface Member {
  userId: string;
  name: string;
  email: string;
  role: "owner" | "learner";
  joinedAt: Date;
}

/** Who is in the course, instructors first, each with when they joined. */
export async function MembersTable({ members }: { members: Member[] }) {
  const t = await getTranslations("teach.course");
  const format = await getFormatter();
  const noLearners = members.every((member) => member.role === "owner");
  return (
    <div className="overflow-x-auto">
      {noLearners && <p className="px-6 pt-4 text-slate-600">{t("noMembers")}</p>}
      <table className="w-full text-left text-sm" data-testid="members">
        <thead className="text-slate-600">
          <tr>
            <th className="px-6 py-2 font-medium">{t("name")}</th>
            <th className="px-3 py-2 font-medium">{t("email")}</th>
            <th className="px-3 py-2 font-medium">{t("role")}</th>
            <th className="px-6 py-2 font-medium">{t("joined")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId} className="border-t border-slate-100">
              <td className="px-6 py-2 font-medium">{member.name}</td>
              <td className="px-3 py-2">{member.email}</td>
              <td className="px-3 py-2">{t(`roles.${member.role}`)}</td>
              <td className="whitespace-nowrap px-6 py-2">{format.dateTime(member.joinedAt, { dateStyle: "medium" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
