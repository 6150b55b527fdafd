import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { applyJsonPatch } from './json-patch';
import type { JsonPatchOperation } from './json-patch';

/** One rendered Kubernetes object. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
}

interface Kustomization {
  namespace?: string;
  resources?: string[];
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean }[];
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { target: { kind?: string; name?: string }; patch: string }[];
}

const CLUSTER_SCOPED = new Set(['Namespace', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding']);

/**
 * What `kubectl kustomize <dir>` renders, for the part of kustomize deploy/k8s uses (resources,
 * namespace, labels without selectors, images, JSON 6902 patches by kind and name): CI has neither
 * kubectl nor a kustomize binary, and npm has no maintained kustomize. Anything else in a
 * kustomization is refused rather than silently ignored.
 */
export function kustomize(dir: string): Manifest[] {
  const file = path.join(dir, 'kustomization.yaml');
  const k = parse(readFileSync(file, 'utf8')) as Kustomization & Record<string, unknown>;
  const unknown = Object.keys(k).filter(
    (key) => !['apiVersion', 'kind', 'namespace', 'resources', 'labels', 'images', 'patches'].includes(key),
  );
  if (unknown.length > 0) throw new Error(`${file}: this renderer does not know ${unknown.join(', ')}`);
  let objects = (k.resources ?? []).flatMap((resource) => load(path.join(dir, resource)));
  for (const { pairs, includeSelectors } of k.labels ?? []) {
    if (includeSelectors) throw new Error(`${file}: labels with includeSelectors are not supported`);
    for (const o of objects) o.metadata.labels = { ...o.metadata.labels, ...pairs };
  }
  for (const image of k.images ?? []) objects.forEach((o) => retag(o, image));
  for (const { target, patch } of k.patches ?? []) {
    const operations = parse(patch) as JsonPatchOperation[];
    const matched = objects.filter(
      (o) => (!target.kind || o.kind === target.kind) && (!target.name || o.metadata.name === target.name),
    );
    if (matched.length === 0) throw new Error(`${file}: a patch matches nothing (${JSON.stringify(target)})`);
    objects = objects.map((o) => (matched.includes(o) ? (applyJsonPatch(o, operations) as Manifest) : o));
  }
  if (k.namespace) for (const o of objects) if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = k.namespace;
  return objects;
}

function load(resource: string): Manifest[] {
  if (!existsSync(resource)) throw new Error(`${resource} does not exist`);
  if (statSync(resource).isDirectory()) return kustomize(resource);
  return parseAllDocuments(readFileSync(resource, 'utf8'))
    .map((d) => d.toJS() as Manifest | null)
    .filter((o): o is Manifest => o !== null);
}

/** Sets the tag (and name) of every container image named `image.name`, init containers included. */
function retag(o: Manifest, image: { name: string; newName?: string; newTag?: string }): void {
  const spec = podSpec(o);
  for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
    const [name, tag] = splitImage(c.image);
    if (name === image.name) c.image = `${image.newName ?? name}:${image.newTag ?? tag}`;
  }
}

type Container = { image: string };
type PodSpec = { containers?: Container[]; initContainers?: Container[] };

function podSpec(o: Manifest): PodSpec | undefined {
  const spec = o['spec'] as { template?: { spec?: PodSpec } } | undefined;
  return spec?.template?.spec;
}

function splitImage(image: string): [string, string] {
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? [image.slice(0, colon), image.slice(colon + 1)] : [image, 'latest'];
}
