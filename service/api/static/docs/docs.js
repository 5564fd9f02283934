// Renders the service's own openapi.yaml with the bundled Swagger UI; no request leaves this origin.
"use strict";
window.addEventListener("load", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    domNode: root,
    url: new URL(root.dataset.specUrl, document.baseURI).href,
    deepLinking: true,
    // No validator badge: it would send the document to an outside service.
    validatorUrl: null,
  });
});
