package org.civicdesk.platform.internal;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Names the API and its bearer tokens in the OpenAPI description, so Swagger UI can sign calls in. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Civic Desk API", version = "v1",
        description = "The JSON API of Civic Desk (民生议事台). Get a token with POST /api/v1/auth/token and send it as "
                + "Authorization: Bearer <token>. Errors are RFC 9457 problem details with a stable code.",
        license = @License(name = "Apache-2.0")), security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfiguration {
}
