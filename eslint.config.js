// Lint rules that keep the architecture honest (docs/architecture.md):
// imports flow contracts -> db -> core -> (payments, realtime, shipping) -> auth -> api -> apps/web,
// ui imports only contracts, and nobody reaches into another package's internals.
import tseslint from "typescript-eslint";

const layers = {
  contracts: [],
  db: ["contracts"],
  core: ["contracts", "db"],
  payments: ["contracts", "db", "core"],
  realtime: ["contracts", "db", "core"],
  shipping: ["contracts", "db", "core"],
  auth: ["contracts", "db", "core"],
  api: ["contracts", "db", "core", "payments", "realtime", "shipping", "auth"],
  ui: ["contracts"],
};
const allPackages = Object.keys(layers);

/** no-restricted-imports patterns forbidding every @oms package not in `allowed`. */
function restrict(allowed, extra = []) {
  const forbidden = allPackages.filter((name) => !allowed.includes(name));
  return {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...forbidden.map((name) => ({
            group: [`@oms/${name}`, `@oms/${name}/*`],
            message: `This package may not import @oms/${name}: imports flow contracts -> db -> core -> api -> web (docs/architecture.md).`,
          })),
          {
            group: ["@oms/*/src/*", "../../*/src/*", "../../../packages/*"],
            message: "Import other packages through their declared exports (@oms/<name>), never their files.",
          },
          ...extra,
        ],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/.next-*/**",
      "**/dist/**",
      "**/generated/**",
      ".data/**",
      "**/next-env.d.ts",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "off",
      "no-console": "off",
    },
  },
  ...Object.entries(layers).map(([name, allowed]) => ({
    files: [`packages/${name}/**/*.{ts,tsx}`],
    rules: restrict(allowed),
  })),
  {
    // The web app talks to the domain only through api and auth. server.ts and the health
    // route own the database's lifecycle, so they alone may open it.
    files: ["apps/web/**/*.{ts,tsx}"],
    ignores: ["apps/web/server.ts", "apps/web/src/app/api/health/**", "apps/web/e2e/**"],
    rules: restrict(["contracts", "api", "auth", "ui", "realtime"], [
      { group: ["@prisma/*", "pg"], message: "The web app reaches the database only through @oms/api." },
    ]),
  },
  {
    // An effect written `useEffect(() => el?.scrollIntoView())` hands React whatever the call
    // returns as its cleanup; Chromium's scrollIntoView now returns a Promise, and React
    // crashes the page on the next run. Effects take a block body
    // (with an explicit `return` of a cleanup), so nothing leaks out by accident.
    files: ["apps/web/**/*.tsx", "packages/ui/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.name=/^use(Layout)?Effect$/] > ArrowFunctionExpression.arguments:first-child[body.type!='BlockStatement'][body.type!='ArrowFunctionExpression']",
          message: "Give the effect a block body ({ … }): an expression body becomes the effect's cleanup.",
        },
      ],
    },
  },
  {
    files: ["**/*.test.ts", "**/*.test.tsx", "**/testing/**", "bench/**", "**/scripts/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
