import { z } from "zod";

export const Id = z.uuid({ message: "Must be an id (UUID)" });
export type Id = z.infer<typeof Id>;
