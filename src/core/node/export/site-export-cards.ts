// The social cards one site export hands the writer, each once however many pages share it.
// A card is drawn, or read from the card cache (site-cards.ts); but the card of a page an
// incremental export knows to be on disk as written (site-incremental.ts) is handed over as
// recorded, by the size and SHA-1 its snapshot holds, as the page itself is: neither read nor
// hashed again (reading and checking 1,000 cached cards was ~0.25 s of a re-export after one
// edit). The writer checks it is still on disk as its marker recorded it (else a full export).
import { cardSvg, type CardContent } from '../../pure/export/site-card-svg';
import { cardImage } from '../../pure/export/site-share';
import type { SocialImage } from '../../pure/export/site-social-meta';
import type { OutputFile } from '../../pure/export/output-files';
import type { ExportMemory } from './export-memory';
import { byteLength, hashOf } from './output-hashes';
import type { RecordedFile } from './output-plan';
import type { CardSource } from './site-cards';
import { cardName } from './site-card-render';

/** A card file as written: what a snapshot keeps of it (an older Casebook's has no name). */
export interface CardRecord {
  size: number;
  sha1: string;
  /** cardName of its SVG, which is also its file's name. */
  name?: string;
}

const cardPath = (name: string) => `assets/cards/${name}.png`;

export class SiteExportCards {
  private readonly drawn = new Map<string, Uint8Array>();
  private readonly kept = new Map<string, CardRecord>();

  /** `source`: where cards come from; none: no card at all (pages without a cover have no og:image). */
  constructor(
    private readonly source: CardSource | undefined,
    private readonly memory: ExportMemory,
  ) {}

  /** The card of `content`, its bytes to be written, and the record of its file. */
  card(content: CardContent): { image: SocialImage; record: CardRecord } | null {
    return this.source ? this.fromSource(this.source, cardSvg(content), content.title) : null;
  }

  private fromSource(source: CardSource, svg: string, title: string): { image: SocialImage; record: CardRecord } {
    const { name, bytes } = source.card(svg);
    this.drawn.set(name, bytes);
    const record = { size: byteLength(bytes), sha1: hashOf(bytes, this.memory), name };
    return { image: cardImage(name, title), record };
  }

  /**
   * The card of a page on disk as recorded, whose file was written as `record`: kept unread
   * when the cache still has it (so it stays there), else drawn or read as any other card;
   * then its record, for the page's snapshot entry (one from an older Casebook has none).
   */
  keep(content: CardContent, record: CardRecord | undefined): CardRecord | null {
    if (!this.source) return null;
    // The page's key, which matched, covers all its card is drawn from (the study's fields,
    // the site settings, the drawing): a recorded name is still the card's, and making the
    // SVG only to hash it was ~40 ms of a re-export of 1,000 studies after one edit.
    let svg: string | undefined;
    const svgOf = () => (svg ??= cardSvg(content));
    const name = record?.name ?? cardName(svgOf());
    if (record && (this.kept.has(name) || this.source.keep(name))) {
      this.kept.set(name, record);
      return null;
    }
    return this.fromSource(this.source, svgOf(), content.title).record;
  }

  /** The cards to write. */
  files(): OutputFile[] {
    return [...this.drawn].map(([name, contents]) => ({ path: cardPath(name), contents }));
  }

  /** The cards on disk as recorded (those some other page did not need written). */
  recorded(): RecordedFile[] {
    return [...this.kept]
      .filter(([name]) => !this.drawn.has(name))
      .map(([name, recorded]) => ({ path: cardPath(name), recorded }));
  }
}
