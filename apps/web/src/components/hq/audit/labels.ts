"use client";
// Readable names for what the audit log stores as codes: actions ("location.updated"),
// entity types ("Location") and field names ("dailyCapacity"). A code without a message
// (a new action, a field added later) shows as it is rather than failing.
import { useMemo } from "react";
import { useTranslations } from "use-intl";

export function useAuditLabels() {
  const t = useTranslations("hqAudit");
  return useMemo(() => {
    const known = (key: string) => t.has(key as never);
    const read = (prefix: string, code: string) => {
      const key = `${prefix}.${code}`;
      return known(key) ? t(key as never) : code;
    };
    return {
      action: (code: string) => read("actions", code),
      entityType: (code: string) => read("entityTypes", code),
      field: (code: string) => read("fields", code),
    };
  }, [t]);
}
