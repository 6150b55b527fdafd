import { Operation, Public } from '@interscambio/http';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HttpReply } from '@interscambio/http';
import { ExchangeSettings } from '../exchange.settings';
import { BadRequestError } from '@interscambio/http';
import { ThemeCatalog } from './theme.catalog';

export interface RecordTypeSummary {
  type: string;
  major: number;
  majors: number[];
  id: string;
  title: string;
  description: string;
  visibility: string;
  schema: string;
}

/** What the theme accepts: its record types, their visibility and their JSON Schemas. */
@ApiTags('catalog')
@Public()
@Controller()
export class CatalogController {
  constructor(
    private readonly catalog: ThemeCatalog,
    private readonly settings: ExchangeSettings,
  ) {}

  @Get('types')
  @Operation(
    'I tipi di record del tema, con la loro visibilità',
    'The record types of this theme, with their visibility',
  )
  types(): { items: RecordTypeSummary[] } {
    const all = this.catalog.allMajors();
    const items = this.catalog.types().map((t) => ({
      type: t.type,
      major: t.major,
      majors: all.filter((m) => m.type === t.type).map((m) => m.major),
      id: t.id,
      title: t.title,
      description: t.description,
      visibility: t.visibility,
      schema: `${this.settings.basePath}/schemas/${t.type}/${t.major}`,
    }));
    return { items };
  }

  @Get('schemas/:type/:major')
  @Operation(
    'Lo JSON Schema di un tipo di record a una versione major',
    'The JSON Schema of a record type at a major version',
  )
  schema(@Param('type') type: string, @Param('major') major: string, @Res() reply: HttpReply): HttpReply {
    if (!/^[1-9]\d{0,3}$/.test(major)) throw new BadRequestError('invalid-major', 'major must be a positive integer.');
    const info = this.catalog.info(type, Number(major));
    // Served with the URL events name in `dataschema` as its `$id`, so that the two match.
    const schema = { ...info.schema, $id: this.catalog.schemaUrl(info) };
    return reply.header('content-type', 'application/schema+json').send(JSON.stringify(schema));
  }
}
