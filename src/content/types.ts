import type * as model from './model.ts';
import type { Field } from './model.ts';
import type { Area } from '../lib/paper/areas.ts';

/**
 * TypeScript types of entry data, derived from the content model so code that reads entries cannot disagree with it.
 */

/** An image as stored: a path under `/media/`, alternative text, and an optional caption. */
export interface ImageData {
  src: string;
  alt: string;
  caption?: string;
}

type Value<F> = F extends { type: 'string' | 'text' | 'markdown' | 'date' | 'file' }
  ? string
  : F extends { type: 'datetime' }
    ? Date
    : F extends { type: 'integer' }
      ? number
      : F extends { type: 'boolean' }
        ? boolean
        : F extends { type: 'select'; options: readonly (infer O)[] }
          ? O
          : F extends { type: 'ref'; multiple: true }
            ? string[]
            : F extends { type: 'ref' }
              ? string
              : F extends { type: 'stringList' }
                ? string[]
                : F extends { type: 'image' }
                  ? ImageData
                  : F extends { type: 'areas' }
                    ? Area[]
                    : F extends { type: 'group'; multiple: true; fields: infer G extends readonly Field[] }
                      ? DataOf<G>[]
                      : F extends { type: 'group'; fields: infer G extends readonly Field[] }
                        ? DataOf<G>
                        : never;

/** Fields that always hold a value after parsing: required ones, booleans and lists (which default). */
type Always<F> = F extends { required: true } | { type: 'boolean' | 'stringList' | 'areas' } | { multiple: true }
  ? F
  : never;

type Flatten<T> = { [K in keyof T]: T[K] };

/** The parsed data of an object made of `Fs`. */
export type DataOf<Fs extends readonly Field[]> = Flatten<
  { [F in Fs[number] as F extends Always<F> ? F['name'] : never]: Value<F> } & {
    [F in Fs[number] as F extends Always<F> ? never : F['name']]?: Value<F>;
  }
>;

type TaxonomyData<C extends { fields: readonly Field[] }> = Flatten<{ id: string; name: string } & DataOf<C['fields']>>;

export type NewsData = DataOf<typeof model.news.fields>;
export type NoticeData = DataOf<typeof model.notices.fields>;
export type ReviewData = DataOf<typeof model.reviews.fields>;
export type ProposalData = DataOf<typeof model.proposals.fields>;
export type ReplyData = ProposalData['replies'][number];
export type VoiceData = DataOf<typeof model.voices.fields>;
export type MemberData = DataOf<typeof model.members.fields>;
export type TopicData = DataOf<typeof model.topics.fields>;
export type PaperIssueData = DataOf<typeof model.paper.fields>;
export type PaperPageData = PaperIssueData['pages'][number];
/** Where a story appears in the paper: issue id, page number and its areas on the page image. */
export type PaperPlacement = NonNullable<NewsData['paper']>;
export type SettingsData = DataOf<typeof model.settings.fields>;
export type SessionData = TaxonomyData<typeof model.sessions>;
export type UnitData = TaxonomyData<typeof model.units>;
export type CategoryData = TaxonomyData<typeof model.categories>;
export type SectorData = TaxonomyData<typeof model.sectors>;
export type CommitteeData = TaxonomyData<typeof model.committees>;
export type PlaceData = TaxonomyData<typeof model.places>;
export type SynonymData = TaxonomyData<typeof model.synonyms>;
