import { html } from '@interscambio/http';
import type { Html } from '@interscambio/http';
import { alert, BASE } from '../http/layout';

export function loginPage(csrf: string, error?: string, email = ''): Html {
  return html`${error ? alert('danger', error) : ''}
    <form method="post" action="${BASE}/accesso" class="col-12 col-md-6" novalidate>
      <input type="hidden" name="_csrf" value="${csrf}" />
      <div class="form-group">
        <label for="email" class="active">Indirizzo e-mail</label>
        <input
          type="email"
          class="form-control"
          id="email"
          name="email"
          autocomplete="username"
          required
          value="${email}"
        />
      </div>
      <div class="form-group">
        <label for="password" class="active">Password</label>
        <input
          type="password"
          class="form-control"
          id="password"
          name="password"
          autocomplete="current-password"
          required
        />
      </div>
      <button type="submit" class="btn btn-primary">Accedi</button>
    </form>
    <p class="mt-4 small">L'accesso con SPID o CIE sarà disponibile tramite il broker di federazione dell'ente.</p>`;
}
