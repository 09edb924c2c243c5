import ts from "typescript";
import { File, Region, TokenizedFile } from "@dodona/dolos-core";

/**
 * A submission as Dolos sees it: the pre-order walk of its TypeScript syntax tree, one
 * "(" kind … ")" group per node, exactly the token shape Dolos's own tree-sitter tokenizer
 * produces (ADR 022 says why the TypeScript compiler parses here instead of tree-sitter).
 * Identifiers and literals become their kind only, so renaming a variable, a function or a
 * message changes no token; comments and layout are not in the tree at all.
 */
export function tokenize(path: string, source: string): TokenizedFile {
  const sf = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const tokens: string[] = [];
  const mapping: Region[] = [];
  const at = (pos: number): Region => {
    const { line, character } = sf.getLineAndCharacterOfPosition(pos);
    return new Region(line, character, line, character);
  };
  const visit = (node: ts.Node) => {
    // Import lists name what the program uses, not how: every solution imports from "ipc".
    if (ts.isImportDeclaration(node)) return;
    // A node's "(" and kind sit where it starts and its ")" where it ends, not over the whole
    // node (Dolos's tree-sitter tokenizer gives every token its node's range): a k-gram's
    // region is then the text its 23 tokens came from, and the side-by-side view highlights
    // that, not every function whose closing brace a matching k-gram happens to include.
    const start = at(node.getStart(sf));
    tokens.push("(", ts.SyntaxKind[node.kind]);
    mapping.push(start, start);
    ts.forEachChild(node, visit);
    tokens.push(")");
    mapping.push(at(node.getEnd()));
  };
  ts.forEachChild(sf, visit);
  return new TokenizedFile(new File(path, source), tokens, mapping);
}
