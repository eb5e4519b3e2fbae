import { getVoices } from './content.ts';
import { getProposals } from './proposals.ts';

/** What a member wrote: their voices and the public proposals they are a proposer of, as the lists order them. */
export async function getMemberWorks(member: string) {
  const [voices, proposals] = await Promise.all([getVoices(), getProposals()]);
  return {
    voices: voices.filter((v) => v.data.author === member),
    proposals: proposals.filter((p) => p.data.proposers.includes(member)),
  };
}
