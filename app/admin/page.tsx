import { redirect } from "next/navigation";

/** The admin area has one page so far: LTI. */
export default function AdminPage() {
  redirect("/admin/lti");
}
