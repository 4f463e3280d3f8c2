import type { Locale } from "../locales";
import accountEn from "./en/account.json";
import adminLtiEn from "./en/adminLti.json";
import calcEn from "./en/calc.json";
import commonEn from "./en/common.json";
import engineEn from "./en/engine.json";
import glossaryEn from "./en/glossary.json";
import gradebookEn from "./en/gradebook.json";
import homeEn from "./en/home.json";
import joinEn from "./en/join.json";
import learnerCourseEn from "./en/learnerCourse.json";
import ltiDeepLinkEn from "./en/ltiDeepLink.json";
import ltiLaunchEn from "./en/ltiLaunch.json";
import ltiRegisterEn from "./en/ltiRegister.json";
import practiceEn from "./en/practice.json";
import progressEn from "./en/progress.json";
import passwordEn from "./en/password.json";
import questionEditorEn from "./en/questionEditor.json";
import reviewEn from "./en/review.json";
import serverErrorsEn from "./en/serverErrors.json";
import settingsEn from "./en/settings.json";
import shortcutsEn from "./en/shortcuts.json";
import signInEn from "./en/signIn.json";
import signUpEn from "./en/signUp.json";
import takeAssessmentEn from "./en/takeAssessment.json";
import teachEn from "./en/teach.json";
import teachAssessmentsEn from "./en/teachAssessments.json";
import teachRegradeEn from "./en/teachRegrade.json";
import accountZh from "./zh-CN/account.json";
import adminLtiZh from "./zh-CN/adminLti.json";
import calcZh from "./zh-CN/calc.json";
import commonZh from "./zh-CN/common.json";
import engineZh from "./zh-CN/engine.json";
import glossaryZh from "./zh-CN/glossary.json";
import gradebookZh from "./zh-CN/gradebook.json";
import homeZh from "./zh-CN/home.json";
import joinZh from "./zh-CN/join.json";
import learnerCourseZh from "./zh-CN/learnerCourse.json";
import ltiDeepLinkZh from "./zh-CN/ltiDeepLink.json";
import ltiLaunchZh from "./zh-CN/ltiLaunch.json";
import ltiRegisterZh from "./zh-CN/ltiRegister.json";
import practiceZh from "./zh-CN/practice.json";
import progressZh from "./zh-CN/progress.json";
import passwordZh from "./zh-CN/password.json";
import questionEditorZh from "./zh-CN/questionEditor.json";
import reviewZh from "./zh-CN/review.json";
import serverErrorsZh from "./zh-CN/serverErrors.json";
import settingsZh from "./zh-CN/settings.json";
import shortcutsZh from "./zh-CN/shortcuts.json";
import signInZh from "./zh-CN/signIn.json";
import signUpZh from "./zh-CN/signUp.json";
import takeAssessmentZh from "./zh-CN/takeAssessment.json";
import teachZh from "./zh-CN/teach.json";
import teachAssessmentsZh from "./zh-CN/teachAssessments.json";
import teachRegradeZh from "./zh-CN/teachRegrade.json";

/**
 * The interface's messages, one JSON file per page (namespace) and language, so that a page's
 * strings live beside each other and two pages never edit the same file. A new page adds its two
 * files here; the catalogue test checks that both languages have the same keys.
 */
const en = {
  account: accountEn,
  adminLti: adminLtiEn,
  calc: calcEn,
  common: commonEn,
  engine: engineEn,
  glossary: glossaryEn,
  gradebook: gradebookEn,
  home: homeEn,
  join: joinEn,
  learnerCourse: learnerCourseEn,
  ltiDeepLink: ltiDeepLinkEn,
  ltiLaunch: ltiLaunchEn,
  ltiRegister: ltiRegisterEn,
  practice: practiceEn,
  password: passwordEn,
  progress: progressEn,
  questionEditor: questionEditorEn,
  review: reviewEn,
  serverErrors: serverErrorsEn,
  settings: settingsEn,
  shortcuts: shortcutsEn,
  signIn: signInEn,
  signUp: signUpEn,
  takeAssessment: takeAssessmentEn,
  teach: teachEn,
  teachAssessments: teachAssessmentsEn,
  teachRegrade: teachRegradeEn,
};

const zhCN: typeof en = {
  account: accountZh,
  adminLti: adminLtiZh,
  calc: calcZh,
  common: commonZh,
  engine: engineZh,
  glossary: glossaryZh,
  gradebook: gradebookZh,
  home: homeZh,
  join: joinZh,
  learnerCourse: learnerCourseZh,
  ltiDeepLink: ltiDeepLinkZh,
  ltiLaunch: ltiLaunchZh,
  ltiRegister: ltiRegisterZh,
  practice: practiceZh,
  password: passwordZh,
  progress: progressZh,
  questionEditor: questionEditorZh,
  review: reviewZh,
  serverErrors: serverErrorsZh,
  settings: settingsZh,
  shortcuts: shortcutsZh,
  signIn: signInZh,
  signUp: signUpZh,
  takeAssessment: takeAssessmentZh,
  teach: teachZh,
  teachAssessments: teachAssessmentsZh,
  teachRegrade: teachRegradeZh,
};

export type Messages = typeof en;

export const messagesByLocale: Record<Locale, Messages> = { en, "zh-CN": zhCN };
