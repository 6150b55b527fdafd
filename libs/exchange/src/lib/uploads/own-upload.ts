import { createParamDecorator, Injectable } from '@nestjs/common';
import type { ExecutionContext, PipeTransform } from '@nestjs/common';
import { verifiedCaller } from '@interscambio/access';
import type { CallerRequest } from '@interscambio/access';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { languageOf, uploadNotFound } from './upload.problems';
import { UploadStore } from './upload.store';
import type { Upload } from './upload.store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface UploadRequest extends CallerRequest {
  params: { type: string; id: string };
}

/** Finds the upload of `:type/uploads/:id` among the caller's own ente's; anybody else's does not exist for them. */
@Injectable()
class OwnUploadPipe implements PipeTransform<UploadRequest, Promise<Upload>> {
  constructor(
    private readonly catalog: ThemeCatalog,
    private readonly store: UploadStore,
  ) {}

  async transform(request: UploadRequest): Promise<Upload> {
    const { type, id } = request.params;
    this.catalog.info(type);
    const caller = verifiedCaller(request);
    const upload = UUID.test(id) ? await this.store.find(id, caller.ente) : undefined;
    if (!upload || upload.type !== type) throw uploadNotFound(languageOf(request));
    return upload;
  }
}

const UploadRequestParam = createParamDecorator((_: unknown, context: ExecutionContext): UploadRequest =>
  context.switchToHttp().getRequest<UploadRequest>(),
);

/** The caller's own upload named by the path, or a 404 problem before the handler runs. */
export const OwnUpload = (): ParameterDecorator => UploadRequestParam(OwnUploadPipe);
