// The readable API reference, rendered on the server from the same OpenAPI document that
// /api/v1/openapi.json serves (no client scripts, works offline).
import { buildOpenApiDocument } from "@oms/api";
import type { Metadata } from "next";
import type { CSSProperties, ReactNode } from "react";

export const metadata: Metadata = { title: "OMS channel API reference" };
export const dynamic = "force-static";

// The OpenAPI document is plain JSON walked by key; typing every node adds nothing here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const methodColour: Record<string, string> = { get: "#1c7ed6", post: "#2f9e44", delete: "#e03131", put: "#f08c00", patch: "#f08c00" };
const mono: CSSProperties = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", fontSize: 13 };
const box: CSSProperties = { ...mono, background: "#f8f9fa", border: "1px solid #dee2e6", borderRadius: 6, padding: 12, overflowX: "auto", whiteSpace: "pre" };

function resolve(doc: Json, schema: Json | undefined): Json | undefined {
  if (schema?.$ref) return doc.components.schemas[String(schema.$ref).split("/").pop()!];
  return schema;
}

function typeOf(doc: Json, schema: Json | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) return String(schema.$ref).split("/").pop()!;
  if (schema.enum) return schema.enum.map((v: unknown) => JSON.stringify(v)).join(" | ");
  if (schema.anyOf) return schema.anyOf.map((s: Json) => typeOf(doc, s)).join(" | ");
  if (schema.type === "array") return `${typeOf(doc, schema.items)}[]`;
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  return schema.format ? `${schema.type} (${schema.format})` : (schema.type ?? "any");
}

/** Fields of an object schema as nested lists, with types, limits and descriptions. */
function Fields({ doc, schema, depth = 0 }: { doc: Json; schema: Json | undefined; depth?: number }): ReactNode {
  const s = resolve(doc, schema);
  const props = s?.properties as Record<string, Json> | undefined;
  if (!props || depth > 4) return null;
  return (
    <ul style={{ marginBlock: 4, paddingInlineStart: 20 }}>
      {Object.entries(props).map(([name, p]) => {
        const inner = resolve(doc, p.type === "array" ? p.items : p);
        const limits = [p.minimum !== undefined && `≥ ${p.minimum}`, p.maximum !== undefined && `≤ ${p.maximum}`, p.maxLength !== undefined && `max ${p.maxLength} chars`, p.default !== undefined && `default ${JSON.stringify(p.default)}`]
          .filter(Boolean)
          .join(", ");
        return (
          <li key={name}>
            <code style={mono}>{name}</code>
            {s?.required?.includes(name) ? <strong> *</strong> : null} <span style={{ color: "#868e96" }}>{typeOf(doc, p)}</span>
            {limits ? <span style={{ color: "#868e96" }}> ({limits})</span> : null}
            {p.description ? <span> — {p.description}</span> : null}
            {inner?.properties && !p.$ref ? <Fields doc={doc} schema={inner} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

export default function ApiDocsPage() {
  const doc = buildOpenApiDocument() as Json;
  const ops = Object.entries(doc.paths as Record<string, Json>).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Json })));
  const tags = [...new Set(ops.flatMap((o) => o.op.tags ?? []))] as string[];
  const named = Object.entries(doc.components.schemas as Record<string, Json>);
  return (
    <main style={{ maxWidth: 980, marginInline: "auto", padding: "32px 20px", fontFamily: "system-ui, sans-serif", lineHeight: 1.5 }}>
      <h1>{doc.info.title}</h1>
      <p>{doc.info.description}</p>
      <p>
        Base URL <code style={mono}>/api/v1</code> · machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI {doc.openapi}) · Authentication:{" "}
        <code style={mono}>Authorization: Bearer &lt;api key&gt;</code>. The guide (idempotency, errors, rate limits, webhooks and their signatures) is docs/api-rest.md in the repository.
      </p>
      <nav>
        <h2>Operations</h2>
        <ul>
          {ops.map(({ path, method, op }) => (
            <li key={op.operationId}>
              <a href={`#${op.operationId}`}>
                <code style={mono}>
                  {method.toUpperCase()} {path}
                </code>
              </a>{" "}
              — {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag}>
          <h2 style={{ borderBlockEnd: "1px solid #dee2e6", paddingBlockEnd: 4 }}>{tag}</h2>
          {ops
            .filter((o) => (o.op.tags ?? []).includes(tag))
            .map(({ path, method, op }) => {
              const body = op.requestBody?.content?.["application/json"];
              return (
                <article key={op.operationId} id={op.operationId} style={{ marginBlock: 28 }}>
                  <h3 style={{ marginBlockEnd: 4 }}>
                    <span style={{ ...mono, fontSize: 15, color: "white", background: methodColour[method] ?? "#495057", borderRadius: 4, padding: "2px 8px" }}>{method.toUpperCase()}</span>{" "}
                    <code style={{ ...mono, fontSize: 15 }}>/api/v1{path}</code>
                  </h3>
                  <p style={{ marginBlock: 4 }}>
                    <strong>{op.summary}.</strong> {op.description}
                  </p>
                  {op["x-required-scope"] ? (
                    <p style={{ marginBlock: 4 }}>
                      Scope: <code style={mono}>{op["x-required-scope"]}</code>
                    </p>
                  ) : null}
                  {op.parameters?.length ? (
                    <>
                      <h4>Parameters</h4>
                      <ul>
                        {op.parameters.map((p: Json) => (
                          <li key={`${p.in}-${p.name}`}>
                            <code style={mono}>{p.name}</code> <em>({p.in})</em>
                            {p.required ? <strong> *</strong> : null} <span style={{ color: "#868e96" }}>{typeOf(doc, p.schema)}</span>
                            {p.description ? ` — ${p.description}` : null}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  {body ? (
                    <>
                      <h4>Request body ({typeOf(doc, body.schema)})</h4>
                      <Fields doc={doc} schema={body.schema} />
                      {body.example ? (
                        <>
                          <p style={{ marginBlockEnd: 2 }}>Example:</p>
                          <div style={box}>{JSON.stringify(body.example, null, 2)}</div>
                        </>
                      ) : null}
                    </>
                  ) : null}
                  <h4>Responses</h4>
                  <ul>
                    {Object.entries(op.responses as Record<string, Json>).map(([status, r]) => {
                      const content = r.content ? Object.entries(r.content as Record<string, Json>)[0] : undefined;
                      return (
                        <li key={status}>
                          <code style={mono}>{status}</code> {r.description}
                          {content?.[1]?.schema ? (
                            <span style={{ color: "#868e96" }}>
                              {" "}
                              — {content[0]} {typeOf(doc, content[1].schema)}
                            </span>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                </article>
              );
            })}
        </section>
      ))}
      <section>
        <h2>Schemas</h2>
        {named.map(([name, schema]) => (
          <article key={name} id={`schema-${name}`}>
            <h3>
              <code style={mono}>{name}</code>
            </h3>
            {schema.description ? <p>{schema.description}</p> : null}
            <Fields doc={doc} schema={schema} />
          </article>
        ))}
      </section>
    </main>
  );
}
