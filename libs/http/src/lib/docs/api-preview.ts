import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createFastifyAdapter } from '../fastify.adapter';

/**
 * A service's OpenAPI document without a database or Kafka: Nest in preview mode builds the route
 * table and instantiates nothing, so a test can lint every document in a second.
 */
export async function previewApiDocument<T>(
  module: DynamicModule,
  basePath: string,
  build: (app: NestFastifyApplication) => T,
): Promise<T> {
  const app = await NestFactory.create<NestFastifyApplication>(module, createFastifyAdapter(), {
    preview: true,
    logger: false,
    bodyParser: false,
  });
  app.setGlobalPrefix(basePath.slice(1));
  try {
    return build(app);
  } finally {
    await app.close();
  }
}
