import { authOptions, limitSignIns } from "@oms/auth";
import NextAuth from "next-auth";

// next-auth v4 in the App Router: one handler for GET and POST of /api/auth/*. Sign-in
// callbacks are rate limited per client IP first (429 with Retry-After, docs/security.md).
const handler = NextAuth(authOptions);
const post = limitSignIns(handler);

export { handler as GET, post as POST };
