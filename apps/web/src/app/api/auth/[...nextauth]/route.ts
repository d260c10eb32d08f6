import { authOptions } from "@oms/auth";
import NextAuth from "next-auth";

// next-auth v4 in the App Router: one handler for GET and POST of /api/auth/*.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
