export const LANGS = ["ko", "en"] as const;
export type Lang = (typeof LANGS)[number];

const messages = {
  appName: { ko: "IPC Lab", en: "IPC Lab" },
  tagline: {
    ko: "프로세스 간 통신(IPC)을 배우고, 풀고, 바로 채점받는 곳",
    en: "Learn inter-process communication, solve exercises, get graded instantly",
  },
  lessons: { ko: "레슨", en: "Lessons" },
  home: { ko: "내 강의", en: "My courses" },
  instructor: { ko: "강의 관리", en: "Teaching" },
  signIn: { ko: "로그인", en: "Sign in" },
  signOut: { ko: "로그아웃", en: "Sign out" },
  signUp: { ko: "가입하기", en: "Sign up" },
  email: { ko: "이메일", en: "Email" },
  password: { ko: "비밀번호", en: "Password" },
  name: { ko: "이름", en: "Name" },
  joinCode: { ko: "강의 참여 코드", en: "Course join code" },
  signInFailed: { ko: "이메일 또는 비밀번호가 올바르지 않습니다.", en: "Wrong email or password." },
  // {time}: the local clock time, {wait}: "42 s" / "15 min"; shown when sign-in is throttled.
  signInThrottled: { ko: "로그인 실패가 너무 많습니다. {time}({wait} 후)에 다시 시도하세요.", en: "Too many failed sign-in attempts. Try again at {time} (in {wait})." },
  noAccount: { ko: "계정이 없나요? 참여 코드로 가입하세요.", en: "No account? Sign up with a join code." },
  forbidden: { ko: "이 페이지에 접근할 권한이 없습니다.", en: "You do not have access to this page." },
  unauthorized: { ko: "계속하려면 로그인하세요.", en: "Sign in to continue." },
  notFound: { ko: "페이지를 찾을 수 없습니다.", en: "Page not found." },
  roster: { ko: "수강생 명단", en: "Roster" },
  assignments: { ko: "과제", en: "Assignments" },
  noAssignments: { ko: "아직 공개된 과제가 없습니다.", en: "No published assignments yet." },
  due: { ko: "마감", en: "Due" },
  role: { ko: "역할", en: "Role" },
  studentId: { ko: "학번", en: "Student ID" },
  joinAnother: { ko: "다른 강의 참여", en: "Join another course" },
  join: { ko: "참여", en: "Join" },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

export function t(lang: Lang, key: MessageKey): string {
  return messages[key][lang];
}

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}
