// The grade-book query is shared with the page, which reads the same search params.
export { gradebookQuery } from "@/lib/gradebook/gradebook-query";
