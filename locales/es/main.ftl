## Estructura del sitio
site-name = gcm-hub
site-tagline = Aplicar, financiar y examinar el Pacto Mundial para una Migración Segura, Ordenada y Regular
skip-to-content = Ir al contenido principal
nav-label = Navegación principal
nav-home = Inicio
nav-compact = El Pacto
nav-practices = Prácticas
nav-hub = Centro de enlace
nav-fund = Fondo de puesta en marcha
nav-pledges = Compromisos
nav-reviews = Exámenes
nav-network = Red
nav-data = Datos
language-label = Idioma
language-switch-to = Leer esta página en { $language }
footer-about = gcm-hub es software de código abierto para el seguimiento de la resolución 73/195 de la Asamblea General de las Naciones Unidas.
footer-api = Documentación de la API
footer-openapi = Documento OpenAPI
footer-health = Estado del servicio
footer-license = Con licencia Apache 2.0

lang-en = English
lang-fr = Français
lang-es = Español
lang-nb = Norsk bokmål
lang-nl = Nederlands

## Página de inicio
home-title = Un espacio común para aplicar el Pacto Mundial sobre Migración
home-intro = El Pacto Mundial para una Migración Segura, Ordenada y Regular, aprobado por la Asamblea General de las Naciones Unidas en su resolución 73/195 en diciembre de 2018, establece 23 objetivos sustentados en 10 principios rectores transversales. gcm-hub reúne lo que describen sus capítulos sobre aplicación y seguimiento: un mecanismo de creación de capacidad, la Red de las Naciones Unidas sobre la Migración y su Hub, y el examen de los progresos.
home-audience = Para los puntos focales de los Estados Miembros, las entidades de las Naciones Unidas, la sociedad civil, las organizaciones de migrantes y de la diáspora, las autoridades locales, los sindicatos, el sector privado, el mundo académico, los evaluadores inter pares y el público.
home-facts-label = El Pacto en cifras
home-fact-objectives = { $count } objetivos
home-fact-principles = { $count } principios rectores
home-fact-languages = { $count } idiomas
home-areas-title = Qué puede hacer aquí
home-area-open = Abrir la sección { $area }

## Secciones de la plataforma (páginas de entrada)
area-compact-summary = Los 23 objetivos del Pacto, con sus compromisos y medidas, y los 10 principios rectores, en todos los idiomas disponibles, con tablas de correspondencia con los grupos temáticos del FMMD, el plan de acción de la sociedad civil y los Objetivos de Desarrollo Sostenible.
area-compact-mandate = El Pacto se basa en 23 objetivos, cada uno de los cuales contiene un compromiso, seguido de una serie de medidas que se consideran instrumentos normativos y mejores prácticas pertinentes (párrafos 16 a 39).
area-practices-summary = Una plataforma mundial de conocimientos: un repositorio abierto de datos empíricos, prácticas e iniciativas, evaluados por pares en relación con los objetivos y los principios rectores del Pacto.
area-practices-mandate = Párrafo 43 c): una plataforma mundial de conocimientos que sea una fuente de datos abierta en línea, actúe como repositorio de los datos empíricos, prácticas e iniciativas existentes y facilite el acceso a los conocimientos y el intercambio de soluciones.
area-hub-summary = Los países solicitan apoyo para elaborar soluciones; el centro de enlace evalúa cada solicitud, propone asociados en la ejecución e iniciativas similares, y organiza la ejecución y la financiación.
area-hub-mandate = Párrafo 43 a): un centro de enlace que facilite soluciones integradas, adaptadas y basadas en la demanda, asesorando sobre las solicitudes de los países, evaluándolas y tramitándolas.
area-fund-summary = Financiación inicial para proyectos: contribuciones voluntarias recibidas, notas conceptuales evaluadas por el comité directivo y rendición de cuentas de cada subvención.
area-fund-mandate = Párrafo 43 b): un fondo de puesta en marcha para la financiación inicial de soluciones orientadas a proyectos, que reciba contribuciones voluntarias de los Estados Miembros y otras partes interesadas.
area-pledges-summary = Compromisos mensurables de los gobiernos y las partes interesadas con los objetivos y los principios rectores del Pacto, y los progresos realizados en su cumplimiento.
area-pledges-mandate = La iniciativa de compromisos de la Red de las Naciones Unidas sobre la Migración invita a asumir compromisos mensurables en apoyo de la aplicación del Pacto.
area-reviews-summary = Planes nacionales de aplicación y exámenes voluntarios, exámenes regionales y el Foro de Examen de la Migración Internacional.
area-reviews-mandate = Párrafos 48 a 54: seguimiento y examen a nivel nacional, regional y mundial, con el Foro de Examen de la Migración Internacional cada cuatro años a partir de 2022.
area-network-summary = La Red de las Naciones Unidas sobre la Migración: sus entidades miembros, su comité ejecutivo, sus líneas de trabajo, las redes nacionales y regionales, los países campeones, los espacios de debate, los expertos y los eventos.
area-network-mandate = Párrafo 45: el Secretario General establece una red de las Naciones Unidas sobre la migración para garantizar un apoyo eficaz y coherente a la aplicación en todo el sistema.
area-data-summary = Datos abiertos: cada elemento público en CSV y JSON, con un diccionario de datos, indicadores y perfiles de países.
area-data-mandate = Objetivo 1: recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica.
area-in-this-area = En esta sección
area-coming = Esta sección está en construcción. Arriba se cita el párrafo del Pacto que la establece; sus datos y servicios aparecerán aquí.

## Errores (páginas)
error-404-title = Página no encontrada
error-404-body = No hemos encontrado ninguna página en esta dirección. Es posible que se haya trasladado o que la dirección esté mal escrita.
error-500-title = Algo ha fallado por nuestra parte
error-500-body = No se ha podido mostrar la página debido a un error interno. El error ha quedado registrado; vuelva a intentarlo en unos instantes.
error-back-home = Ir a la página de inicio
error-code = Código de error: { $code }

## Errores (mensajes de la API, por código de error)
api-error-not-found = No se ha encontrado el recurso.
api-error-route-not-found = No existe ningún punto de conexión de la API en esta ruta.
api-error-method-not-allowed = Este método no está permitido en este punto de conexión.
api-error-bad-request = La solicitud está mal formada.
api-error-invalid-parameter = El parámetro «{ $name }» no es válido.
api-error-unauthorized = Debe iniciar sesión o enviar un token de API.
api-error-forbidden = No tiene permiso para realizar esta acción.
api-error-conflict = La solicitud entra en conflicto con el estado actual del recurso.
api-error-payload-too-large = El cuerpo de la solicitud es demasiado grande.
api-error-unprocessable = No se ha podido procesar la solicitud.
api-error-rate-limited = Demasiadas solicitudes; espere un momento antes de volver a intentarlo.
api-error-internal = Se ha producido un error interno. Ha quedado registrado.
api-error-unavailable = El servicio no está disponible temporalmente.

## El Pacto
compact-title = El Pacto Mundial para una Migración Segura, Ordenada y Regular
compact-intro = Aprobado por la Asamblea General de las Naciones Unidas en su resolución 73/195 (diciembre de 2018). Cada uno de sus 23 objetivos comienza con un compromiso, seguido de medidas extraídas de instrumentos normativos y buenas prácticas; diez principios rectores transversales se aplican a todos ellos.
compact-objectives = Los 23 objetivos
compact-principles = Los 10 principios rectores
compact-chapters = Capítulos
compact-frameworks = Otros marcos y tablas de correspondencia
compact-alignment = Alineación de las traducciones
compact-compare = Comparar dos traducciones
compact-source-translation = Texto de la traducción no oficial de la versión final del borrador (11 de julio de 2018). Idioma: { $language }.
compact-source-summary = Resúmenes redactados en inglés por gcm-hub; no constituyen el texto oficial del Pacto.
compact-objective-n = Objetivo { $number }
compact-commitment = Compromiso
compact-paragraph-n = Párrafo { $number }
compact-actions = Medidas
compact-action-anchor = Enlace a la medida { $letter }
compact-not-in-translation = No disponible en esta traducción.
compact-linked-here = Elementos vinculados
compact-linked-here-intro = Elementos de esta plataforma vinculados a este objetivo o a una de sus medidas.
compact-previous = Objetivo anterior
compact-next = Objetivo siguiente
compact-breadcrumb = Usted está aquí
compact-left = Columna izquierda
compact-right = Columna derecha
compact-show = Mostrar
compact-gaps = Puntos en que las traducciones no coinciden
compact-gaps-intro = El extractor compara las traducciones noruega y neerlandesa elemento por elemento y enumera cada punto en que difieren, en lugar de desalinearlas sin advertirlo.
compact-gap-location = Referencia
compact-gap-kind = Tipo
compact-gap-missing-in = Falta en
compact-gap-description = Qué se encontró
compact-gap-resolution = Cómo se resolvió
compact-no-gaps = No se encontró ninguna discrepancia.
compact-section-preamble = Preámbulo
compact-section-vision = Nuestra visión y principios rectores
compact-section-cooperative-framework = Nuestro marco de cooperación
compact-section-objectives = Objetivos y compromisos
compact-section-implementation = Aplicación
compact-section-follow-up = Seguimiento y examen
kind-practice = Prácticas
kind-pledge = Compromisos
kind-request = Solicitudes de apoyo
kind-project = Proyectos
kind-review = Exámenes
api-error-invalid-reference = «{ $reference }» no es una referencia válida (se espera, por ejemplo, gcm:obj:20, gcm:obj:20:c, gcm:para:43:a:iii, gcm:gp:human-rights).
api-error-unknown-reference = La referencia «{ $reference }» no remite a ningún elemento del Pacto ni de los marcos.
