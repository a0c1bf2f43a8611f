/**
 * The static resources of the package directories, which `@salesforce/resourceUrl/<name>` points to. In source
 * format a resource is `staticresources/<name>.resource-meta.xml` with its content beside it: a file `<name>.<ext>`,
 * or a folder `<name>/` for a resource the platform stores as a ZIP archive.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findMetadataFiles } from './pages';

/** Suffix of a static resource's meta file. */
const META_SUFFIX = '.resource-meta.xml';

/** One static resource. */
export interface StaticResource {
  name: string;
  /** The content file, or the folder of an archive resource. */
  location: string;
  isFolder: boolean;
  /** contentType of the meta file, such as application/javascript; empty when it has none. */
  contentType: string;
}

function contentTypeOf(metaFile: string): string {
  const match = /<contentType>\s*([^<]*?)\s*<\/contentType>/.exec(readFileSync(metaFile, 'utf8'));
  return match?.[1] ?? '';
}

/** Finds the content of a resource: the folder `<name>/`, else the one file `<name>.<ext>` beside the meta file. */
function contentOf(metaFile: string, name: string): { location: string; isFolder: boolean } | null {
  const dir = path.dirname(metaFile);
  const folder = path.join(dir, name);
  if (existsSync(folder) && statSync(folder).isDirectory()) {
    return { location: folder, isFolder: true };
  }
  const file = readdirSync(dir).find(
    (entry) => entry.startsWith(`${name}.`) && entry !== `${name}${META_SUFFIX}` && !entry.endsWith(META_SUFFIX)
  );
  return file === undefined ? null : { location: path.join(dir, file), isFolder: false };
}

/**
 * Lists the static resources of package directories by name. A name defined twice keeps its first definition in
 * package directory order, and a meta file without content is left out.
 * @param packageDirs Absolute package directories from sfdx-project.json.
 */
export function findStaticResources(packageDirs: string[]): Map<string, StaticResource> {
  const resources = new Map<string, StaticResource>();
  for (const packageDir of packageDirs) {
    for (const metaFile of findMetadataFiles([packageDir], 'staticresources', META_SUFFIX)) {
      const name = path.basename(metaFile).slice(0, -META_SUFFIX.length);
      const content = contentOf(metaFile, name);
      if (content === null || resources.has(name)) {
        continue;
      }
      resources.set(name, { name, ...content, contentType: contentTypeOf(metaFile) });
    }
  }
  return resources;
}
