import { defineCollection } from 'astro:content';
import { folderLoader, settingsLoader, taxonomyLoader } from './content/loaders.ts';
import { collections as model } from './content/model.ts';
import { schemas } from './content/schemas.ts';

/** Every collection of the content model, with the loader for its kind and its derived schema. */
export const collections = Object.fromEntries(
  model.map((c) => [
    c.name,
    defineCollection({
      loader: c.kind === 'folder' ? folderLoader(c) : c.kind === 'taxonomy' ? taxonomyLoader(c) : settingsLoader(c),
      schema: schemas[c.name],
    }),
  ]),
);
