import { NextResponse, type NextRequest } from "next/server";

// Only passes the requested path to the area layouts (for the sign-in callback); the
// access checks themselves run in the layouts (src/auth/guard.ts).
export function proxy(request: NextRequest) {
  const forwarded = new Headers(request.headers);
  forwarded.set("x-oms-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  matcher: ["/pos/:path*", "/pickup/:path*", "/fulfillment/:path*", "/hq/:path*"],
};
