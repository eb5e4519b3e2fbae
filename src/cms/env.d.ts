/** Build-time settings of the admin's Git host (see the README, “Editing with Decap CMS”). */
interface ImportMetaEnv {
  readonly PUBLIC_CMS_BACKEND?: 'gitlab' | 'forgejo';
  readonly PUBLIC_CMS_REPO?: string;
  readonly PUBLIC_CMS_BRANCH?: string;
  readonly PUBLIC_CMS_BASE_URL?: string;
  readonly PUBLIC_CMS_API_ROOT?: string;
  readonly PUBLIC_CMS_APP_ID?: string;
}

/** URL of the admin bundle's entry script, from src/integrations/cms-bundle.ts. */
declare module 'virtual:czzx/cms-script' {
  const src: string;
  export default src;
}
