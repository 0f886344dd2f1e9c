/**
 * Greek letters and digraphs in two romanisations, as data: ELOT 743 / ISO 843 as Greek passports
 * write names (Alexis Tsipras) and a common English variant (η as e, υ as y, χ as kh, φ as ph).
 * Columns: spelling, ELOT, variant. Digraphs come first so they are matched before their letters;
 * μπ and ντ are b and d at the start of a word (the transliterator applies that).
 */
export const GREEK_SPELLINGS = `
  ου ou u
  αυ av af
  ευ ev ef
  ηυ iv if
  αι ai e
  ει ei i
  οι oi i
  γγ ng ng
  γκ gk g
  γξ nx nx
  γχ nch nkh
  τσ ts ts
  τζ tz tz
  μπ mp mb
  ντ nt nd
  α a a
  β v b
  γ g g
  δ d d
  ε e e
  ζ z z
  η i e
  θ th th
  ι i i
  κ k k
  λ l l
  μ m m
  ν n n
  ξ x x
  ο o o
  π p p
  ρ r r
  σ s s
  ς s s
  τ t t
  υ y i
  φ f ph
  χ ch kh
  ψ ps ps
  ω o o
`;
