package dev.kcaws.testsupport.awssp;

import java.io.InputStream;
import java.util.Map;
import javax.xml.XMLConstants;
import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.ParserPool;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** OpenSAML bootstrap and the one hardened parser every XML input goes through. */
public final class OpenSaml {
    private static boolean initialized;
    private static ParserPool parserPool;

    private OpenSaml() {
    }

    /** Idempotent and thread-safe: OpenSAML's registry is global and must be loaded once. */
    public static synchronized void initialize() {
        if (initialized) {
            return;
        }
        try {
            InitializationService.initialize();
        } catch (InitializationException e) {
            throw new IllegalStateException("OpenSAML initialization failed", e);
        }
        parserPool = newSecureParserPool();
        initialized = true;
    }

    /** Parses without DTDs, external entities or XInclude (XXE and entity-expansion attacks). */
    static Document parse(InputStream xml) throws XMLParserException {
        initialize();
        return parserPool.parse(xml);
    }

    static XMLObject unmarshall(Element element) throws UnmarshallingException {
        initialize();
        var unmarshaller = XMLObjectSupport.getUnmarshaller(element);
        if (unmarshaller == null) {
            throw new UnmarshallingException("OpenSAML knows no element {" + element.getNamespaceURI() + "}" + element.getLocalName());
        }
        return unmarshaller.unmarshall(element);
    }

    private static ParserPool newSecureParserPool() {
        BasicParserPool pool = new BasicParserPool();
        pool.setNamespaceAware(true);
        pool.setExpandEntityReferences(false);
        pool.setXincludeAware(false);
        pool.setBuilderFeatures(Map.of(
                XMLConstants.FEATURE_SECURE_PROCESSING, true,
                "http://apache.org/xml/features/disallow-doctype-decl", true,
                "http://xml.org/sax/features/external-general-entities", false,
                "http://xml.org/sax/features/external-parameter-entities", false,
                "http://apache.org/xml/features/nonvalidating/load-external-dtd", false));
        try {
            pool.initialize();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("secure parser pool", e);
        }
        return pool;
    }
}
