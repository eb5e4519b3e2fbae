import { Component, createElement as h, createRef, type ComponentType } from 'react';

/**
 * Images in previews, shown before the site is rebuilt. With decap-server (`npm start`), Decap shows a media file by
 * its public address, `/media/<file>`, which the built site serves only after a rebuild: a new upload was a broken picture
 * in the preview, also after saving and reopening the entry. After each render, an image under the public folder is
 * shown from the entry's own unsaved upload (Decap keeps it with the entry until the save) when there is one; else,
 * if it does not load, it is read from decap-server (`getMediaFile`, the call Decap's own media library uses). With the
 * Git host Decap already shows files read through its API.
 */

/** The public folder images are written under (`public_folder`), and where it is in the repository (`media_folder`). */
const PUBLIC_FOLDER = '/media/';
const MEDIA_FOLDER = 'public/media/';

let backend: string | false = false;
/** Read images that fail to load from this decap-server API (`…/api/v1`), or nowhere. Call before `CMS.init`. */
export function readMissingImagesFrom(url: string | false): void {
  backend = url;
}

const copies = new Map<string, Promise<string | undefined>>();

/** A blob address of the file decap-server holds at `path` (`/media/x.jpg`), once per page. */
function copyOf(path: string): Promise<string | undefined> {
  if (!backend) return Promise.resolve(undefined);
  let copy = copies.get(path);
  if (!copy) {
    const body = {
      action: 'getMediaFile',
      params: { branch: 'main', path: MEDIA_FOLDER + decodeURIComponent(path.slice(PUBLIC_FOLDER.length)) },
    };
    copy = fetch(backend, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
      .then((r) => (r.ok ? (r.json() as Promise<{ content?: string }>) : undefined))
      .then((file) => {
        if (!file?.content) return undefined;
        const bytes = Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0));
        return URL.createObjectURL(new Blob([bytes]));
      })
      .catch(() => undefined);
    copies.set(path, copy);
  }
  return copy;
}

/** Show the image from decap-server's copy when the site has no such file yet. */
function repair(img: HTMLImageElement): void {
  const path = img.getAttribute('src') ?? '';
  if (!path.startsWith(PUBLIC_FOLDER) || img.dataset.repaired === path) return;
  img.dataset.repaired = path;
  void copyOf(path).then((url) => {
    if (url && img.getAttribute('src') === path) img.setAttribute('src', url);
  });
}

/** A preview template whose images under the public folder are shown from decap-server when the site lacks them. */
export function previewWithAssets<P extends object>(Preview: ComponentType<P>): ComponentType<P> {
  return class PreviewWithAssets extends Component<P> {
    private root = createRef<HTMLDivElement>();

    override componentDidMount() {
      this.check();
    }

    override componentDidUpdate() {
      this.check();
    }

    /** The entry's uploads not saved yet, by repository path: Decap's blob address of each. */
    private drafts(): Map<string, string> {
      const entry = (this.props as { entry?: { get(key: string): unknown } }).entry;
      const files = entry?.get('mediaFiles') as { toJS?(): unknown } | undefined;
      const list = (typeof files?.toJS === 'function' ? files.toJS() : files) as
        | { path?: string; url?: string }[]
        | undefined;
      return new Map((Array.isArray(list) ? list : []).filter((f) => f.path && f.url).map((f) => [f.path!, f.url!]));
    }

    private check() {
      const drafts = this.drafts();
      for (const img of this.root.current?.querySelectorAll('img') ?? []) {
        const src = img.getAttribute('src') ?? '';
        const draft = src.startsWith(PUBLIC_FOLDER)
          ? drafts.get(MEDIA_FOLDER + decodeURIComponent(src.slice(PUBLIC_FOLDER.length)))
          : undefined;
        if (draft) {
          img.setAttribute('src', draft);
          continue;
        }
        if (!backend) continue;
        if (img.dataset.watched === undefined) {
          img.dataset.watched = '';
          img.addEventListener('error', () => repair(img));
        }
        if (img.complete && img.naturalWidth === 0 && img.getAttribute('src')) repair(img);
      }
    }

    override render() {
      return h('div', { ref: this.root, style: { display: 'contents' } }, h(Preview, this.props));
    }
  };
}
