import { Problem } from "@oms/contracts";
import { z } from "zod";
import { MAX_BODY_BYTES } from "./body.ts";
import { PROBLEM_BASE } from "./problem.ts";
import { routes } from "./routes.ts";

type Json = Record<string, unknown>;

const problemText: Record<number, string> = {
  400: "Malformed JSON",
  401: "Missing, unknown or revoked API key",
  403: "The key lacks the scope",
  404: "Not found (or another channel's)",
  409: "Conflict: idempotency key reused with another body, insufficient stock, duplicate externalId, not possible in this state",
  413: `Body larger than ${MAX_BODY_BYTES / 1024} KB`,
  415: "Body is not JSON",
  422: "Invalid input; `errors` names each field",
  428: "Idempotency-Key header missing",
  429: "Rate limit reached; see Retry-After",
};

/**
 * zod → JSON Schema 2020-12 (what OpenAPI 3.1 uses). Named schemas (meta id) are hoisted
 * into components.schemas and referenced from there.
 */
function schemaOf(schema: z.ZodType, io: "input" | "output", components: Json): Json {
  const raw = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  const text = JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/');
  const converted = JSON.parse(text) as Json & { $defs?: Record<string, Json> };
  for (const [name, def] of Object.entries(converted.$defs ?? {})) components[name] = def;
  delete converted.$defs;
  delete converted.$schema;
  return converted;
}

/** Query object schema → OpenAPI parameters (one per property). */
function queryParameters(schema: z.ZodType, components: Json): Json[] {
  const json = schemaOf(schema, "input", components) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    ...(typeof s.description === "string" ? { description: s.description } : {}),
    schema: s,
    ...(s.type === "array" ? { style: "form", explode: true } : {}),
  }));
}

export function buildOpenApiDocument(options: { serverUrl?: string } = {}): Json {
  const components: Json = {};
  schemaOf(Problem, "output", components); // hoists components.schemas.Problem
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const parameters: Json[] = [];
    for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) {
      parameters.push({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });
    }
    if (route.query) parameters.push(...queryParameters(route.query, components));
    if (route.idempotency) {
      parameters.push({
        name: "Idempotency-Key",
        in: "header",
        required: route.idempotency === "required",
        description: "A unique key per logical request (e.g. a UUID). Replays with the same body return the first response; another body is 409.",
        schema: { type: "string", maxLength: 200 },
      });
    }
    const responses: Record<string, Json> = {
      [String(route.success.status)]: {
        description: route.success.description,
        ...(route.success.schema ? { content: { "application/json": { schema: schemaOf(route.success.schema, "output", components) } } } : {}),
      },
    };
    for (const status of [...new Set([...route.problems, 401, 403, 429])].sort()) {
      responses[String(status)] = {
        description: problemText[status] ?? "Problem",
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        ...(status === 429 ? { headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } } } : {}),
      };
    }
    const operation: Json = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      security: [{ apiKey: [route.scope] }],
      "x-required-scope": route.scope,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: schemaOf(route.body, "input", components), ...(exampleOf(route.body) ? { example: exampleOf(route.body) } : {}) } },
            },
          }
        : {}),
      responses,
    };
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }
  paths["/openapi.json"] = {
    get: { operationId: "getOpenApi", summary: "This document", tags: ["Meta"], security: [], responses: { "200": { description: "OpenAPI 3.1 document", content: { "application/json": {} } } } },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "OMS channel API",
      version: "1.0.0",
      description:
        "REST API for web shops, marketplaces and call centres: catalog, availability, orders, returns and webhooks. " +
        `Errors are application/problem+json (RFC 9457) with type ${PROBLEM_BASE}<kind>. Money is integer minor units.`,
    },
    servers: [{ url: options.serverUrl ?? "/api/v1" }],
    tags: [
      { name: "Catalog" },
      { name: "Inventory" },
      { name: "Orders" },
      { name: "Webhooks" },
      { name: "Meta" },
    ],
    paths,
    components: {
      schemas: components,
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "Authorization: Bearer <api key>" } },
    },
  };
}

function exampleOf(schema: z.ZodType): unknown {
  const meta = z.globalRegistry.get(schema) as { example?: unknown } | undefined;
  return meta?.example;
}
