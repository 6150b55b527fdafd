import { Controller, HttpCode, Module, Post } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createFastifyAdapter } from '../fastify.adapter';
import { ProblemFilter } from '../problem/problem.filter';
import { JsonBody } from './json-body';
import type { FromSchema } from './json-schema.types';
import { registerBodyParsers } from './request-bodies';

const noteSchema = {
  title: 'Nota',
  type: 'object',
  additionalProperties: false,
  required: ['testo'],
  properties: { testo: { type: 'string', minLength: 1 }, urgente: { type: 'boolean' } },
} as const;

@Controller('note')
class NotesController {
  @Post()
  @HttpCode(200)
  create(@JsonBody(noteSchema) nota: FromSchema<typeof noteSchema>): unknown {
    return { received: nota };
  }

  @Post('facoltativa')
  @HttpCode(200)
  optional(@JsonBody(noteSchema, { optional: true }) nota: FromSchema<typeof noteSchema>): unknown {
    return { received: nota };
  }
}

@Module({ controllers: [NotesController], providers: [{ provide: APP_FILTER, useClass: ProblemFilter }] })
class NotesModule {}

describe('@JsonBody: a handler body validated against its schema and documented by it', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const adapter = createFastifyAdapter();
    registerBodyParsers(adapter);
    app = await NestFactory.create<NestFastifyApplication>(NotesModule, adapter, { logger: false, bodyParser: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
  });

  const post = (url: string, payload?: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url, payload, headers: payload === undefined ? {} : { 'content-type': contentType } });

  it('hands the handler a body that matches', async () => {
    const answer = await post('/note', JSON.stringify({ testo: 'ciao', urgente: true }));
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ received: { testo: 'ciao', urgente: true } });
  });

  it('answers 422 naming the pointer of each issue, and the handler never runs', async () => {
    const answer = await post('/note', JSON.stringify({ testo: '', colore: 'rosso' }));
    expect(answer.statusCode).toBe(422);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    const pointers = (answer.json() as { errors: { pointer: string }[] }).errors.map((e) => e.pointer).sort();
    expect(pointers).toEqual(['/colore', '/testo']);
  });

  it('answers 415 to a body that is not JSON, and to a missing body where one is required', async () => {
    expect((await post('/note', 'testo=ciao', 'application/x-www-form-urlencoded')).statusCode).toBe(415);
    expect((await post('/note')).statusCode).toBe(415);
  });

  it('takes a missing optional body as {}, still checked against the schema', async () => {
    const absent = await post('/note/facoltativa');
    expect(absent.statusCode).toBe(422);
    expect((absent.json() as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual(['/testo']);
  });

  it('documents the body as the component named by the schema title, required unless optional', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const body = (path: string) => document.paths[path]?.post?.requestBody;
    expect(body('/note')).toMatchObject({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Nota' } } },
    });
    expect(body('/note/facoltativa')).toMatchObject({
      required: false,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Nota' } } },
    });
  });
});
