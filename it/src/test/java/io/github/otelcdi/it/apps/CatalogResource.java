package io.github.otelcdi.it.apps;

public class CatalogResource implements CatalogApi {

    @Override
    public String product(String sku) {
        return "product " + sku;
    }
}
