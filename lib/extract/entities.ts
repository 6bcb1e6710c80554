// HTML character references. Numeric ones are complete; named ones cover what news pages use (the full
// table is 2,000 entries of mostly mathematical symbols that prose never contains).

const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ensp: " ", emsp: " ", thinsp: " ", zwj: "", zwnj: "",
  shy: "", ndash: "–", mdash: "—", hellip: "…", lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”",
  bdquo: "„", laquo: "«", raquo: "»", lsaquo: "‹", rsaquo: "›", bull: "•", middot: "·", copy: "©", reg: "®",
  trade: "™", deg: "°", plusmn: "±", times: "×", divide: "÷", frac12: "½", frac14: "¼", frac34: "¾", sup2: "²",
  sup3: "³", micro: "µ", para: "¶", sect: "§", euro: "€", pound: "£", yen: "¥", cent: "¢", dagger: "†",
  Dagger: "‡", prime: "′", Prime: "″", iexcl: "¡", iquest: "¿", ordf: "ª", ordm: "º", hyphen: "‐", dash: "‐",
  minus: "−", larr: "←", rarr: "→", uarr: "↑", darr: "↓", harr: "↔", check: "✓", star: "☆", starf: "★",
  szlig: "ß", aelig: "æ", AElig: "Æ", oslash: "ø", Oslash: "Ø", aring: "å", Aring: "Å", ccedil: "ç", Ccedil: "Ç",
  ntilde: "ñ", Ntilde: "Ñ", eth: "ð", ETH: "Ð", thorn: "þ", THORN: "Þ", oelig: "œ", OElig: "Œ", scaron: "š",
  Scaron: "Š", zcaron: "ž", Zcaron: "Ž", yuml: "ÿ", Yuml: "Ÿ", fnof: "ƒ", circ: "ˆ", tilde: "˜", colon: ":",
  comma: ",", period: ".", excl: "!", quest: "?", num: "#", percnt: "%", lpar: "(", rpar: ")", sol: "/",
  bsol: "\\", lowbar: "_", verbar: "|", vert: "|", lbrack: "[", rbrack: "]", lbrace: "{", rbrace: "}",
  semi: ";", equals: "=", plus: "+", ast: "*", commat: "@", dollar: "$", grave: "`", Hat: "^", newline: "\n",
  Tab: "\t", NewLine: "\n",
};
// Latin letters with diacritics follow one naming scheme: &eacute; &Uuml; ...
const ACCENTS: Record<string, string> = { acute: "\u0301", grave: "\u0300", circ: "\u0302", uml: "\u0308", tilde: "\u0303", cedil: "\u0327", ring: "\u030A", caron: "\u030C" };

const REF = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g;

function fromCodePoint(cp: number): string {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return "\uFFFD";
  // Windows-1252 numeric references (&#146;) are what old CMSs emit for curly quotes.
  if (cp >= 0x80 && cp <= 0x9f) return CP1252[cp - 0x80] ?? "";
  return String.fromCodePoint(cp);
}
const CP1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ".split("");

export function decodeEntities(s: string): string {
  return s.replace(REF, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec) return fromCodePoint(parseInt(dec, 10));
    if (hex) return fromCodePoint(parseInt(hex, 16));
    if (!name) return m;
    const hit = NAMED[name];
    if (hit !== undefined) return hit;
    const acc = /^([a-zA-Z])(acute|grave|circ|uml|tilde|cedil|ring|caron)$/.exec(name);
    if (acc) return (acc[1]! + ACCENTS[acc[2]!]!).normalize("NFC");
    return m;
  });
}
