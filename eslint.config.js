import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ["lib/generated/**", ".next/**", ".next-*/**", ".test-exercises-*/**", "node_modules/**", "data/**", "test-results/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Route input goes through lib/http/input-schemas: a raw z.string() lets a lone surrogate
    // reach the database, and z.coerce.date() turns null into 1970 and accepts years no
    // database column can hold (both were 500s).
    files: ["app/api/**/*.ts", "lib/gradebook/gradebook-query.ts", "lib/regrade/regrade-scope.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='z'][callee.property.name='string']", message: "Use text() or recordId() from lib/http/input-schemas." },
        { selector: "MemberExpression[object.object.name='z'][object.property.name='coerce'][property.name='date']", message: "Use instant() from lib/http/input-schemas." },
      ],
    },
  },
  {
    // Starters and mutants are student code on purpose: unfinished or wrong in the ways students write it.
    files: ["exercises/*/*.ts", "exercises/*/mutants/**/*.ts"],
    rules: { "@typescript-eslint/no-unused-vars": "off", "prefer-const": "off" },
  },
];

export default config;
