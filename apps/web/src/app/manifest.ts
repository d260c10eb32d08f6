import type { MetadataRoute } from "next";

/** The installable till (docs/pos.md#offline): opens on the sale screen, works offline through /sw.js. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "OMS Till",
    short_name: "Till",
    description: "Point of sale: keeps selling when the network or the server is down.",
    start_url: "/pos/sale",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#4c6ef5",
    icons: [
      { src: "/icons/till-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/till-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/till-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
