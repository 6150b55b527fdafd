// Swagger UI for one service (libs/portal apiReferencePage). Calls go to the deployment the page is
// served from, whatever server the document names first, and the token request names the service's
// audience, which Swagger UI cannot send by itself.
(function () {
  var root = document.getElementById('riferimento');
  var audience = root.getAttribute('data-audience');
  window.ui = SwaggerUIBundle({
    url: root.getAttribute('data-openapi'),
    domNode: root,
    requestInterceptor: function (req) {
      var url = new URL(req.url, location.href);
      if (url.origin !== location.origin) req.url = location.origin + url.pathname + url.search;
      if (/\/oauth\/token$/.test(url.pathname) && typeof req.body === 'string' && !/(^|&)audience=/.test(req.body))
        req.body += '&audience=' + encodeURIComponent(audience);
      return req;
    },
  });
})();
