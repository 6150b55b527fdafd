import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readCompose } from './lib/compose';
import { kustomize } from './lib/kustomize';
import type { Manifest } from './lib/kustomize';
import { ManifestValidator } from './lib/validate';

const root = path.resolve(__dirname, '../../..');
const k8s = path.join(root, 'deploy/k8s');
const validator = new ManifestValidator(path.join(k8s, 'schemas'));
const themes = readdirSync(path.join(root, 'schemas'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const services = ['registry', 'notifier', 'console', ...themes];

type Container = { image: string; args?: string[]; readinessProbe?: Probe; livenessProbe?: Probe };
type Probe = { httpGet: { path: string; port: string } };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rendered spec is untyped JSON, read path by path
type Spec = Record<string, any>;
const spec = (o: Manifest | undefined): Spec => (o?.['spec'] ?? {}) as Spec;
const find = (objects: Manifest[], kind: string, name: string): Manifest | undefined =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);

describe.each(['sandbox', 'production'])('the %s overlay', (overlay) => {
  const objects = kustomize(path.join(k8s, 'overlays', overlay));

  it('validates against the Kubernetes, Strimzi and CloudNativePG schemas, in its own namespace', () => {
    expect(validator.problems(objects)).toEqual([]);
    expect(new Set(objects.map((o) => o.metadata.namespace))).toEqual(
      new Set([overlay === 'sandbox' ? 'interscambio-sandbox' : 'interscambio']),
    );
  });

  it.each(services)('runs %s with probes on its health routes, as non-root, behind an HPA and a PDB', (name) => {
    const deployment = find(objects, 'Deployment', name);
    const pod = spec(deployment)['template'].spec;
    const [container] = pod.containers as Container[];
    expect(container?.readinessProbe?.httpGet).toEqual({ path: `/${name}/v1/health/ready`, port: 'http' });
    expect(container?.livenessProbe?.httpGet).toEqual({ path: `/${name}/v1/health/live`, port: 'http' });
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(container?.image).toMatch(new RegExp(`/interscambio/${name}:(sandbox|\\d+\\.\\d+\\.\\d+)$`));
    expect(spec(find(objects, 'HorizontalPodAutoscaler', name))['scaleTargetRef'].name).toBe(name);
    expect(spec(find(objects, 'PodDisruptionBudget', name))['selector'].matchLabels).toEqual(
      spec(deployment)['selector'].matchLabels,
    );
    expect(find(objects, 'Service', name)).toBeDefined();
  });

  it('routes each service by its first path segment at the ingress', () => {
    const paths = spec(find(objects, 'Ingress', 'interscambio'))['rules'][0].http.paths as {
      path: string;
      backend: { service: { name: string } };
    }[];
    expect(paths.map((p) => [p.path, p.backend.service.name]).sort()).toEqual(
      [...services.map((s) => [`/${s}`, s]), ['/docs', 'portal']].sort(),
    );
  });

  it('runs the developer portal with probes on its /docs health routes, as non-root', () => {
    const pod = spec(find(objects, 'Deployment', 'portal'))['template'].spec;
    const [container] = pod.containers as Container[];
    expect(container?.readinessProbe?.httpGet).toEqual({ path: '/docs/health/ready', port: 'http' });
    expect(container?.livenessProbe?.httpGet).toEqual({ path: '/docs/health/live', port: 'http' });
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(container?.image).toMatch(/\/interscambio\/portal:(sandbox|\d+\.\d+\.\d+)$/);
    expect(find(objects, 'Service', 'portal')).toBeDefined();
  });

  it('lets nothing reach a pod unless a policy says so, and only the ingress controller reach the services', () => {
    expect(spec(find(objects, 'NetworkPolicy', 'default-deny-ingress'))).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
    });
    const fromIngress = spec(find(objects, 'NetworkPolicy', 'services-from-ingress'))['ingress'][0].from;
    expect(fromIngress).toEqual([
      expect.objectContaining({
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
      }),
    ]);
  });

  it('runs Kafka on 3 KRaft nodes with RF 3 and min ISR 2, a KafkaTopic for every record type', () => {
    expect(spec(find(objects, 'KafkaNodePool', 'nodes'))).toMatchObject({
      replicas: 3,
      roles: ['controller', 'broker'],
    });
    expect(spec(find(objects, 'Kafka', 'interscambio'))['kafka'].config).toMatchObject({
      'default.replication.factor': 3,
      'min.insync.replicas': 2,
    });
    const topics = objects.filter((o) => o.kind === 'KafkaTopic').map((o) => spec(o)['topicName']);
    const types = themes.flatMap((t) =>
      readdirSync(path.join(root, 'schemas', t)).map((ty) => `interscambio.${t}.${ty}`),
    );
    expect(topics.sort()).toEqual(
      [...types, 'interscambio.registry.agreements', 'interscambio.registry.revocations'].sort(),
    );
    for (const t of objects.filter((o) => o.kind === 'KafkaTopic'))
      expect([spec(t)['replicas'], spec(t)['config']['min.insync.replicas']]).toEqual([3, '2']);
  });

  it('migrates every service in a Job of its own, before the services start', () => {
    const pod = spec(find(objects, 'Job', 'interscambio-migrate'))['template'].spec;
    const steps = [...pod.initContainers, ...pod.containers] as Container[];
    expect(steps.map((c) => c.args)).toEqual(services.map(() => ['migrate']));
    expect(steps.map((c) => c.image.split('/').pop()?.split(':')[0]).sort()).toEqual([...services].sort());
  });
});

describe('PostgreSQL in production', () => {
  const objects = kustomize(path.join(k8s, 'overlays/production'));

  it('is a CloudNativePG cluster of 3 instances with WAL archiving and a daily backup', () => {
    const cluster = spec(find(objects, 'Cluster', 'interscambio-db'));
    expect(cluster['instances']).toBe(3);
    expect(cluster['backup'].barmanObjectStore.destinationPath).toMatch(/^s3:\/\//);
    expect(spec(find(objects, 'ScheduledBackup', 'interscambio-db-daily'))['cluster']).toEqual({
      name: 'interscambio-db',
    });
  });
});

describe('the validator', () => {
  const objects = kustomize(path.join(k8s, 'overlays/production'));
  const broken = (kind: string, name: string, change: (s: Spec) => void): Manifest => {
    const copy = structuredClone(find(objects, kind, name) as Manifest);
    change(spec(copy));
    return copy;
  };

  it.each([
    ['a Deployment whose replicas are text', broken('Deployment', 'tributi', (s) => (s['replicas'] = 'three'))],
    [
      'a KafkaTopic of 0 partitions',
      broken('KafkaTopic', 'interscambio.tributi.versamento', (s) => (s['partitions'] = 0)),
    ],
    ['a Cluster whose instances are text', broken('Cluster', 'interscambio-db', (s) => (s['instances'] = '3'))],
    ['a Kafka without listeners', broken('Kafka', 'interscambio', (s) => delete s['kafka'].listeners)],
  ])('refuses %s', (_what, manifest) => {
    expect(validator.problems([manifest])).toHaveLength(1);
  });
});

describe('deploy/docker-compose.yml', () => {
  const { compose, problems } = readCompose(path.join(root, 'deploy/docker-compose.yml'));

  it('holds to the compose-spec schema', () => {
    expect(problems).toEqual([]);
  });

  it('runs Kafka, PostgreSQL, every service after its migrations, and a gateway as the only way in', () => {
    for (const s of services) {
      expect(compose.services[`${s}-migrate`]?.['command']).toEqual(['migrate']);
      expect(compose.services[s]?.['depends_on']).toMatchObject({
        [`${s}-migrate`]: { condition: 'service_completed_successfully' },
      });
      expect(compose.services[s]?.['ports']).toBeUndefined();
    }
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['kafka', 'postgres', 'gateway']));
    const route = readFileSync(path.join(root, 'deploy/nginx/compose.conf'), 'utf8');
    for (const s of services) expect(route).toMatch(new RegExp(`[(|]${s}[|)]`));
    expect(route).toMatch(/location ~ \^\/docs\(\/\|\$\) \{\s+set \$portal portal;/);
    expect(compose.services['portal']?.['ports']).toBeUndefined();
  });
});

describe('deploy/docker/Dockerfile', () => {
  const dockerfile = readFileSync(path.join(root, 'deploy/docker/Dockerfile'), 'utf8');
  const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('ends in a distroless stage that runs as non-root and checks its own liveness', () => {
    expect(final).toMatch(/^\nFROM gcr\.io\/distroless\/nodejs\$\{NODE_VERSION\}-debian12:nonroot/);
    expect(final).toMatch(/\nUSER nonroot\n/);
    expect(final).toMatch(/\nHEALTHCHECK .*\n.*\/health\/live/);
  });
});
