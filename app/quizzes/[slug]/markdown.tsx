"use client";

import { renderMarkdown } from "@/lib/content/render-markdown";
import { useMemo } from "react";

/**
 * Question texts are Markdown written by the course (content/questions) or
 * produced by our generators from numbers, never by users; so rendering
 * their HTML is safe.
 */
export function Markdown({ text, inline = false }: { text: string; inline?: boolean }) {
  const html = useMemo(() => renderMarkdown(text, { inline }), [text, inline]);
  return inline ? <span dangerouslySetInnerHTML={{ __html: html }} /> : <div className="md" dangerouslySetInnerHTML={{ __html: html }} />;
}
