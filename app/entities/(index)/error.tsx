"use client";

// Every route shows the same error state: a plain explanation and a retry (components/route-error).
export { RouteError as default } from "@/components/route-error";
