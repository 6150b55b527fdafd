import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { Manifest } from './kustomize';

/** The Kubernetes API's own kinds, validated by kubernetes-models against the API's OpenAPI schemas. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

/** The operators' kinds, against the openAPIV3Schema of their CRDs (deploy/k8s/schemas, README there). */
const CRDS: Record<string, string> = {
  'kafka.strimzi.io/v1/Kafka': 'kafka-kafka-v1.json',
  'kafka.strimzi.io/v1/KafkaNodePool': 'kafkanodepool-kafka-v1.json',
  'kafka.strimzi.io/v1/KafkaTopic': 'kafkatopic-kafka-v1.json',
  'postgresql.cnpg.io/v1/Cluster': 'cluster-postgresql-v1.json',
  'postgresql.cnpg.io/v1/ScheduledBackup': 'scheduledbackup-postgresql-v1.json',
};

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Checks rendered objects against their schemas; one message per object that fails, naming it. */
export class ManifestValidator {
  // The CRD schemas are OpenAPI v3 with Kubernetes extensions (x-kubernetes-*): not strict JSON Schema.
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly crds = new Map<string, ValidateFunction>();

  constructor(private readonly schemasDir: string) {}

  problems(objects: Manifest[]): string[] {
    return objects.flatMap((o) => {
      const id = `${o.kind ?? '?'} ${o.metadata?.name ?? '?'}`;
      const problem = this.problem(o);
      return problem ? [`${id}: ${problem}`] : [];
    });
  }

  private problem(o: Manifest): string | undefined {
    const name = o.metadata?.name;
    if (typeof name !== 'string' || name.length > 253 || !DNS_SUBDOMAIN.test(name))
      return `metadata.name ${JSON.stringify(name)} is not a DNS subdomain`;
    const kind = `${o.apiVersion}/${o.kind}`;
    const Model = MODELS[kind];
    if (Model) {
      try {
        new Model(o as never).validate();
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    }
    const validate = this.crd(kind);
    if (!validate) return `no schema for ${kind}`;
    return validate(o) ? undefined : this.ajv.errorsText(validate.errors);
  }

  private crd(kind: string): ValidateFunction | undefined {
    const file = CRDS[kind];
    if (!file) return undefined;
    let validate = this.crds.get(kind);
    if (!validate) {
      validate = this.ajv.compile(JSON.parse(readFileSync(path.join(this.schemasDir, file), 'utf8')));
      this.crds.set(kind, validate);
    }
    return validate;
  }
}
