// The story page's only JavaScript. The page is server-rendered HTML that does not hydrate React (a
// reading page: React DOM and the router runtime alone are ~133 KB gzipped, npm run bench:story-page), so
// the two things plain HTML cannot do are wired here: the share button and the editor forms, which post
// JSON. Everything else (pair picker, claim links, disclosures) is plain links, GET forms and
// <details>. The function is sent as its source text (storyPageScriptSource), so it must not reference
// anything outside its own body.
export function storyPageScript(): void {
  // Share: the native share sheet where the browser has one (touch devices), else copy the permalink.
  document.querySelectorAll<HTMLButtonElement>("button[data-share-url]").forEach((button) => {
    const status = button.querySelector("[aria-live]");
    let reset: number | undefined;
    button.addEventListener("click", async () => {
      const url = button.dataset.shareUrl ?? location.href;
      const title = button.dataset.shareTitle ?? document.title;
      let shown = "Copy failed";
      try {
        if (typeof navigator.share === "function" && window.matchMedia("(pointer: coarse)").matches) {
          await navigator.share({ url, title });
          return;
        }
        await navigator.clipboard.writeText(url);
        shown = "Link copied";
      } catch {
        // A refused clipboard or a dismissed share sheet: say so rather than fail silently.
      }
      if (status) status.textContent = shown;
      window.clearTimeout(reset);
      reset = window.setTimeout(() => {
        if (status) status.textContent = "Share";
      }, 2500);
    });
  });

  // Editor decisions: the form's fields as JSON (checkboxes as arrays), then open the resulting page.
  document.querySelectorAll<HTMLFormElement>("form[data-editor-endpoint]").forEach((form) => {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const body: Record<string, unknown> = {};
      form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input[name], select[name]").forEach((field) => {
        if (field instanceof HTMLInputElement && field.type === "checkbox") body[field.name] = data.getAll(field.name).map(String);
        else {
          const value = String(data.get(field.name) ?? "").trim();
          body[field.name] = value === "" && field.hasAttribute("data-null-when-empty") ? null : value;
        }
      });
      const submit = form.querySelector<HTMLButtonElement>("button[type=submit]");
      const label = submit?.textContent ?? "";
      if (submit) {
        submit.disabled = true;
        submit.textContent = "Working…";
      }
      form.querySelector("[role=alert]")?.remove();
      let message: string;
      try {
        const res = await fetch(form.dataset.editorEndpoint!, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
        const json = (await res.json().catch(() => null)) as { slug?: string; error?: { message?: string } } | null;
        if (res.ok && json?.slug) {
          // This page has no client router to push to: an ordinary page load is the navigation.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          location.assign(`${form.dataset.editorGoTo ?? "/stories/"}${json.slug}`);
          return;
        }
        message = json?.error?.message ?? `Failed (HTTP ${res.status}).`;
      } catch {
        message = "Parallax could not be reached. Try again in a moment.";
      }
      if (submit) {
        submit.disabled = false;
        submit.textContent = label;
      }
      const alert = document.createElement("p");
      alert.setAttribute("role", "alert");
      alert.className = "text-red-800";
      alert.textContent = message;
      form.append(alert);
    });
  });
}

/** The script as sent inside the page: runs once, after the markup above it has been parsed. */
export const storyPageScriptSource = `(${storyPageScript.toString()})();`;
