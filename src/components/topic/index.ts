import type { ComponentName } from '../../lib/topic-components.ts';
import Event from './Event.astro';
import Gallery from './Gallery.astro';
import Photo from './Photo.astro';
import ProposalList from './ProposalList.astro';
import StatsChart from './StatsChart.astro';
import Timeline from './Timeline.astro';
import Video from '../Video.astro';

/** The components a 专题's MDX may use, by the names the guard allows (src/lib/topic-components.ts). */
export const topicComponents: Record<ComponentName, unknown> = {
  ProposalList,
  StatsChart,
  Gallery,
  Photo,
  Timeline,
  Event,
  Video,
};
