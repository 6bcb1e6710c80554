// "Save page as... Webpage, Complete" (Chrome, Edge, Firefox) writes the page and, beside it, a folder
// "<name>_files" with the page's images, scripts, style sheets and embedded frames, some of them .html files
// (ad slots, video players, comment widgets). Uploading a folder of such pages must read the pages and not
// their resources: the frames would be stored as articles or refused one by one, burying the real results.
// Pure (no file system), so the upload form and the command line share it.

const RESOURCE_DIR = /^(.+)_files$/;
const PAGE_EXTENSIONS = ["html", "htm", "xhtml", "shtml"];

/**
 * The paths (with "/" or "\" separators) that lie inside the resource folder of a saved page also among
 * `paths`: "news/Bridge reopens_files/ad.html" when "news/Bridge reopens.html" is there too. A folder that
 * merely ends in "_files" without its page beside it is an ordinary folder.
 */
export function savedPageResources(paths: readonly string[]): Set<string> {
  const norm = paths.map((p) => p.replace(/\\/g, "/"));
  const present = new Set(norm);
  const out = new Set<string>();
  norm.forEach((p, i) => {
    const parts = p.split("/");
    for (let k = 0; k < parts.length - 1; k++) {
      const m = RESOURCE_DIR.exec(parts[k]!);
      if (!m) continue;
      const dir = parts.slice(0, k).join("/");
      if (PAGE_EXTENSIONS.some((ext) => present.has(`${dir ? `${dir}/` : ""}${m[1]}.${ext}`))) {
        out.add(paths[i]!);
        return;
      }
    }
  });
  return out;
}
